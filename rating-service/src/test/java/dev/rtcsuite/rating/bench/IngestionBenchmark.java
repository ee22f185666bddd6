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
 * <p>Arguments: gRPC host:port, JDBC URL of rating-service's database, records a round, batch size,
 * concurrent callers, the credentials directory of ./rtcsuite up, records of the unmeasured warm-up
 * run (default: three rounds' worth), rounds (default 3).
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
        int warmUp = Integer.parseInt(arg(args, 6, Integer.toString(3 * records)));
        int rounds = Integer.parseInt(arg(args, 7, "3"));

        // As the media plane calls it: over TLS, with the media plane's access token.
        ManagedChannel channel =
                credentials.channel(
                        Integer.parseInt(target.substring(target.lastIndexOf(':') + 1)), "media");
        try {
            // Steady state, not the JITs' first minutes (this client's as much as the service's):
            // an unmeasured run of other facts, folded, before the measured rounds.
            ingest(channel, facts(warmUp), batch, callers);
            untilFolded(jdbc, System.nanoTime());
            // Ingestion and COPY take turns, round by round, so that both meet the same moments
            // of a shared machine; the medians are reported.
            List<double[]> results = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                List<UsageRecord> facts = facts(records);
                long started = System.nanoTime();
                double acknowledged = ingest(channel, facts, batch, callers);
                double folded = facts.size() / untilFolded(jdbc, started);
                double copied = copy(jdbc, facts);
                results.add(new double[] {acknowledged, folded, copied, acknowledged / copied});
                System.out.printf(
                        "round %d: acknowledged %,.0f/s, folded %,.0f/s, COPY %,.0f/s, ratio"
                                + " %.1f %%%n",
                        round + 1, acknowledged, folded, copied, 100 * acknowledged / copied);
            }
            System.out.printf(
                    "%nrecords %d a round, %d rounds, batch %d, callers %d, warm-up %d (medians)%n"
                            + "IngestUsage acknowledged (gRPC → PostgreSQL): %,.0f records/s%n"
                            + "folded into rated buckets (from the start):   %,.0f records/s%n"
                            + "COPY of the same rows (ceiling):              %,.0f records/s%n"
                            + "ratio acknowledged / COPY: %.1f %%%n",
                    records,
                    rounds,
                    batch,
                    callers,
                    warmUp,
                    median(results, 0),
                    median(results, 1),
                    median(results, 2),
                    100 * median(results, 3));
        } finally {
            channel.shutdownNow();
        }
    }

    private static double median(List<double[]> results, int column) {
        double[] values = results.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
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
            ManagedChannel channel, List<UsageRecord> facts, int batch, int callers)
            throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            var stub = RatingServiceGrpc.newBlockingStub(channel);
            // Built before the clock starts, as COPY's rows are.
            List<IngestUsageRequest> requests = new ArrayList<>();
            for (int from = 0; from < facts.size(); from += batch) {
                requests.add(
                        IngestUsageRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .addAllRecords(
                                        facts.subList(from, Math.min(from + batch, facts.size())))
                                .build());
            }
            List<Future<?>> calls = new ArrayList<>();
            long started = System.nanoTime();
            for (IngestUsageRequest request : requests) {
                calls.add(pool.submit(() -> stub.ingestUsage(request)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
            return facts.size() / seconds(started);
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
