package dev.rtcsuite.rating.bench;

import com.google.protobuf.Timestamp;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.platform.testing.LocalCredentials;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.PresenceInterval;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.rating.v1.SubscriptionInterval;
import dev.rtcsuite.rating.v1.UsageRecord;
import io.grpc.ManagedChannel;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;

/**
 * Ingestion throughput (issue #3): usage records per second through IngestUsage into PostgreSQL,
 * beside the ceiling of a raw COPY of the same rows into a copy of the table on the same server.
 * Needs a running rating-service (./rtcsuite up). Run: {@code ./rtcsuite bench}.
 *
 * <p>Arguments: gRPC host:port, JDBC URL of rating-service's database, records, batch size,
 * concurrent callers, the credentials directory of ./rtcsuite up, records of the unmeasured warm-up
 * run (default: as many as measured).
 */
public final class IngestionBenchmark {

    private static final int USERS_PER_ROOM = 4;

    public static void main(String[] args) throws Exception {
        String target = arg(args, 0, "127.0.0.1:8083");
        String jdbc = arg(args, 1, "jdbc:postgresql://127.0.0.1:5432/rtcsuite_rating");
        int records = Integer.parseInt(arg(args, 2, "20000"));
        int batch = Integer.parseInt(arg(args, 3, "500"));
        int callers = Integer.parseInt(arg(args, 4, "4"));
        LocalCredentials credentials =
                new LocalCredentials(Path.of(arg(args, 5, "../.rtcsuite/credentials")));
        int warmUp = Integer.parseInt(arg(args, 6, Integer.toString(records)));
        List<UsageRecord> facts = facts(records);

        // Steady state, not the JIT's first minutes: a first, unmeasured run of other facts, and
        // its folding finished, before the measured run.
        ingest(target, credentials, facts(warmUp), batch, callers);
        untilFolded(jdbc, System.nanoTime());
        long started = System.nanoTime();
        double grpcRate = ingest(target, credentials, facts, batch, callers);
        double foldedRate = facts.size() / untilFolded(jdbc, started);
        double copyRate = copy(jdbc, facts);

        System.out.printf(
                "%nrecords %d, batch %d, callers %d%n"
                        + "IngestUsage acknowledged (gRPC → PostgreSQL): %,.0f records/s%n"
                        + "folded into rated buckets (from the start):   %,.0f records/s%n"
                        + "COPY of the same rows (ceiling):              %,.0f records/s%n"
                        + "ratio acknowledged / COPY: %.1f %%%n",
                facts.size(),
                batch,
                callers,
                grpcRate,
                foldedRate,
                copyRate,
                100 * grpcRate / copyRate);
    }

    /** Rooms of four users, 30 minutes, everyone subscribing to everyone: 16 records a room. */
    static List<UsageRecord> facts(int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long app = 1_500_000_000L + (System.nanoTime() % 1_000_000);
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Timestamp from = Timestamp.newBuilder().setSeconds(start.getEpochSecond()).build();
        Timestamp to = Timestamp.newBuilder().setSeconds(start.getEpochSecond() + 1_800).build();
        List<UsageRecord> facts = new ArrayList<>(count);
        for (int room = 0; facts.size() < count; room++) {
            for (int user = 0; user < USERS_PER_ROOM && facts.size() < count; user++) {
                facts.add(
                        UsageRecord.newBuilder()
                                .setIdempotencyKey(run + "/" + room + "/p/" + user)
                                .setSdkAppId(app)
                                .setPresence(
                                        PresenceInterval.newBuilder()
                                                .setRoomId(room + 1)
                                                .setUserId("u" + user)
                                                .setStartTime(from)
                                                .setEndTime(to))
                                .build());
                for (int sender = 0; sender < USERS_PER_ROOM && facts.size() < count; sender++) {
                    if (sender != user) {
                        facts.add(
                                UsageRecord.newBuilder()
                                        .setIdempotencyKey(
                                                run + "/" + room + "/s/" + user + "/" + sender)
                                        .setSdkAppId(app)
                                        .setSubscription(
                                                SubscriptionInterval.newBuilder()
                                                        .setRoomId(room + 1)
                                                        .setReceiverUserId("u" + user)
                                                        .setSenderUserId("u" + sender)
                                                        .setSenderStreamType(
                                                                StreamType.STREAM_TYPE_MAIN)
                                                        .setReceivedWidth(1280)
                                                        .setReceivedHeight(720)
                                                        .setStartTime(from)
                                                        .setEndTime(to))
                                        .build());
                    }
                }
            }
        }
        return facts;
    }

    private static double ingest(
            String target,
            LocalCredentials credentials,
            List<UsageRecord> facts,
            int batch,
            int callers)
            throws Exception {
        // As the media plane calls it: over TLS, with the media plane's access token.
        ManagedChannel channel =
                credentials.channel(
                        Integer.parseInt(target.substring(target.lastIndexOf(':') + 1)), "media");
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            var stub = RatingServiceGrpc.newBlockingStub(channel);
            List<Future<?>> calls = new ArrayList<>();
            long started = System.nanoTime();
            for (int from = 0; from < facts.size(); from += batch) {
                List<UsageRecord> slice = facts.subList(from, Math.min(from + batch, facts.size()));
                calls.add(
                        pool.submit(
                                () ->
                                        stub.ingestUsage(
                                                IngestUsageRequest.newBuilder()
                                                        .setRequestId(UUID.randomUUID().toString())
                                                        .addAllRecords(slice)
                                                        .build())));
            }
            for (Future<?> call : calls) {
                call.get();
            }
            return facts.size() / seconds(started);
        } finally {
            channel.shutdownNow();
        }
    }

    /** The same facts as rows of usage_record, COPYed into an identical scratch table. */
    private static double copy(String jdbc, List<UsageRecord> facts) throws Exception {
        StringBuilder rows = new StringBuilder();
        Instant now = Instant.now();
        for (UsageRecord fact : facts) {
            boolean presence = fact.hasPresence();
            var start =
                    presence
                            ? fact.getPresence().getStartTime()
                            : fact.getSubscription().getStartTime();
            var end =
                    presence
                            ? fact.getPresence().getEndTime()
                            : fact.getSubscription().getEndTime();
            rows.append(fact.getSdkAppId())
                    .append('\t')
                    .append(fact.getIdempotencyKey())
                    .append('\t')
                    .append(presence ? "PRESENCE" : "SUBSCRIPTION")
                    .append('\t')
                    .append(Instant.ofEpochSecond(start.getSeconds()))
                    .append('\t')
                    .append(Instant.ofEpochSecond(end.getSeconds()))
                    .append('\t')
                    .append("n:")
                    .append(
                            presence
                                    ? fact.getPresence().getRoomId()
                                    : fact.getSubscription().getRoomId())
                    .append('\t')
                    .append(
                            presence
                                    ? fact.getPresence().getUserId()
                                    : fact.getSubscription().getReceiverUserId())
                    .append('\t')
                    .append(presence ? "\\N" : fact.getSubscription().getSenderUserId())
                    .append('\t')
                    .append(presence ? "\\N\t\\N\t\\N" : "MAIN\t1280\t720")
                    .append('\t')
                    .append(now)
                    .append('\n');
        }
        try (Connection connection = DriverManager.getConnection(jdbc, "rtcsuite", "rtcsuite");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS usage_record_copy_bench");
            statement.execute(
                    "CREATE TABLE usage_record_copy_bench (LIKE usage_record INCLUDING ALL)");
            long started = System.nanoTime();
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY usage_record_copy_bench (sdk_app_id, idempotency_key, kind,"
                                    + " start_time, end_time, room, user_id, sender_user_id,"
                                    + " stream_type, width, height, received_time) FROM STDIN",
                            new StringReader(rows.toString()));
            double rate = facts.size() / seconds(started);
            statement.execute("DROP TABLE usage_record_copy_bench");
            return rate;
        }
    }

    /** Seconds from {@code startedNanos} until no acknowledged batch waits to be folded. */
    private static double untilFolded(String jdbc, long startedNanos) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, "rtcsuite", "rtcsuite");
                Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet pending =
                        statement.executeQuery(
                                "SELECT count(*) FROM durable_job WHERE kind = 'rating.fold-usage'"
                                        + " AND state = 'PENDING'")) {
                    pending.next();
                    if (pending.getLong(1) == 0) {
                        return seconds(startedNanos);
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    private static double seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toNanos() / 1e9;
    }

    private static String arg(String[] args, int index, String otherwise) {
        return args.length > index ? args[index] : otherwise;
    }
}
