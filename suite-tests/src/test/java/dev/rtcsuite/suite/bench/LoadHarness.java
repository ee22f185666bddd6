package dev.rtcsuite.suite.bench;

import com.google.type.Date;
import dev.rtcsuite.packages.v1.App;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.platform.testing.LocalCredentials;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.PresenceInterval;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.rating.v1.UsageRecord;
import dev.rtcsuite.recording.v1.GetRecordingConfigRequest;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.suite.bench.LoadRun.Outcome;
import dev.rtcsuite.suite.bench.LoadRun.Result;
import dev.rtcsuite.suite.bench.LoadRun.Rpc;
import dev.rtcsuite.suite.flows.RecordingFlow;
import dev.rtcsuite.suite.flows.RecordingFlow.Anchor;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mixed control-plane load against a running suite ({@code ./rtcsuite up --detach}), beside a
 * bare grpc-java server measured in the same run as the ceiling (issue #9, BENCHMARKS.md "Load").
 *
 * <p>The mix is what the control plane sees most: service-status checks before work, the media
 * plane's stream events and usage records, and reads of configurations and bills. Each rate runs
 * open loop (latency from each call's intended start), then a closed loop with many calls in flight
 * gives the highest sustained rate, for the suite and for the echo server.
 *
 * <p>Arguments: credentials directory, the recording, rating and package ports, seconds per step,
 * open-loop rates (comma-separated), calls in flight for the closed loop.
 */
public final class LoadHarness {

    public static void main(String[] args) throws Exception {
        Path credentialsDir = Path.of(arg(args, 0, "../.rtcsuite/credentials"));
        int recordingPort = Integer.parseInt(arg(args, 1, "8081"));
        int ratingPort = Integer.parseInt(arg(args, 2, "8083"));
        int packagePort = Integer.parseInt(arg(args, 3, "8084"));
        Duration step = Duration.ofSeconds(Long.parseLong(arg(args, 4, "20")));
        List<Integer> rates = new ArrayList<>();
        for (String rate : arg(args, 5, "500,1000,2000").split(",")) {
            rates.add(Integer.parseInt(rate.strip()));
        }
        int inFlight = Integer.parseInt(arg(args, 6, "64"));
        LocalCredentials credentials = new LocalCredentials(credentialsDir);

        List<ManagedChannel> channels = new ArrayList<>();
        ManagedChannel packageAdmin = open(channels, credentials.channel(packagePort, "admin"));
        App app =
                RecordingFlow.newApp(
                        PackagesServiceGrpc.newBlockingStub(packageAdmin),
                        "load-" + UUID.randomUUID(),
                        "load-app");
        List<Rpc> mix =
                suiteMix(
                        app.getSdkAppId(),
                        packageAdmin,
                        open(channels, credentials.channel(recordingPort, "media")),
                        open(channels, credentials.channel(recordingPort, "admin")),
                        open(channels, credentials.channel(ratingPort, "media")),
                        open(channels, credentials.channel(ratingPort, "admin")));
        try (EchoServer echo = new EchoServer(credentialsDir)) {
            ManagedChannel echoChannel = open(channels, credentials.channel(echo.port(), "admin"));
            List<Rpc> echoMix =
                    List.of(
                            new Rpc(
                                    "Health/Check (echo)",
                                    1,
                                    () ->
                                            HealthGrpc.newFutureStub(echoChannel)
                                                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                                                    .check(
                                                            HealthCheckRequest
                                                                    .getDefaultInstance())));
            // A short unmeasured run of each warms both JITs and connections.
            new LoadRun(mix).openLoop(200, Duration.ofSeconds(5));
            new LoadRun(echoMix).openLoop(200, Duration.ofSeconds(5));
            System.out.printf(
                    "%n| target | load | RPC | calls | errors | p50 ms | p99 ms | calls/s |%n");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int rate : rates) {
                print("echo", rate + "/s open", new LoadRun(echoMix).openLoop(rate, step));
                print("suite", rate + "/s open", new LoadRun(mix).openLoop(rate, step));
            }
            Outcome echoMax = new LoadRun(echoMix).closedLoop(inFlight, step);
            Outcome suiteMax = new LoadRun(mix).closedLoop(inFlight, step);
            print("echo", inFlight + " in flight", echoMax);
            print("suite", inFlight + " in flight", suiteMax);
            System.out.printf(
                    Locale.ROOT,
                    "%nhighest rate: suite %.0f/s, echo %.0f/s, ratio %.2f%n",
                    suiteMax.callsPerSecond(),
                    echoMax.callsPerSecond(),
                    suiteMax.callsPerSecond() / echoMax.callsPerSecond());
        } finally {
            for (ManagedChannel channel : channels) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The control plane's mix: 4 status checks, 2 stream events, 2 usage batches, 1 configuration
     * read and 1 bill read in every 10 calls.
     */
    private static List<Rpc> suiteMix(
            long app,
            ManagedChannel packageAdmin,
            ManagedChannel recordingMedia,
            ManagedChannel recordingAdmin,
            ManagedChannel ratingMedia,
            ManagedChannel ratingAdmin) {
        AtomicLong sequence = new AtomicLong();
        Instant origin = Instant.now().minus(Duration.ofHours(2));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return List.of(
                new Rpc(
                        "GetServiceStatus",
                        4,
                        () ->
                                PackagesServiceGrpc.newFutureStub(packageAdmin)
                                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                                        .getServiceStatus(
                                                GetServiceStatusRequest.newBuilder()
                                                        .setSdkAppId(app)
                                                        .build())),
                new Rpc(
                        "ReportStreamEvent",
                        2,
                        () -> {
                            long n = sequence.incrementAndGet();
                            Anchor anchor = new Anchor("user-" + (n % 50), 1280, 720);
                            StreamEventKind kind =
                                    (n / 50) % 2 == 0
                                            ? StreamEventKind.STREAM_EVENT_KIND_PUBLISHED
                                            : StreamEventKind.STREAM_EVENT_KIND_UNPUBLISHED;
                            return RecordingServiceGrpc.newFutureStub(recordingMedia)
                                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                                    .reportStreamEvent(
                                            RecordingFlow.streamEvent(
                                                    app,
                                                    (int) (n % 10) + 1,
                                                    anchor,
                                                    kind,
                                                    Instant.now()));
                        }),
                new Rpc(
                        "IngestUsage (10 records)",
                        2,
                        () -> {
                            IngestUsageRequest.Builder batch =
                                    IngestUsageRequest.newBuilder()
                                            .setRequestId(UUID.randomUUID().toString());
                            for (int i = 0; i < 10; i++) {
                                long n = sequence.incrementAndGet();
                                Instant start = origin.plusSeconds(n % 3_600);
                                batch.addRecords(
                                        UsageRecord.newBuilder()
                                                .setIdempotencyKey("load-" + n)
                                                .setSdkAppId(app)
                                                .setPresence(
                                                        PresenceInterval.newBuilder()
                                                                .setRoomId((int) (n % 100) + 1)
                                                                .setUserId("user-" + n)
                                                                .setStartTime(
                                                                        RecordingFlow.timestamp(
                                                                                start))
                                                                .setEndTime(
                                                                        RecordingFlow.timestamp(
                                                                                start.plusSeconds(
                                                                                        60)))));
                            }
                            return RatingServiceGrpc.newFutureStub(ratingMedia)
                                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                                    .ingestUsage(batch.build());
                        }),
                new Rpc(
                        "GetRecordingConfig",
                        1,
                        () ->
                                RecordingServiceGrpc.newFutureStub(recordingAdmin)
                                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                                        .getRecordingConfig(
                                                GetRecordingConfigRequest.newBuilder()
                                                        .setSdkAppId(app)
                                                        .build())),
                new Rpc(
                        "GetDailyBill",
                        1,
                        () ->
                                RatingServiceGrpc.newFutureStub(ratingAdmin)
                                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                                        .getDailyBill(
                                                GetDailyBillRequest.newBuilder()
                                                        .setSdkAppId(app)
                                                        .setBillingDay(
                                                                Date.newBuilder()
                                                                        .setYear(today.getYear())
                                                                        .setMonth(
                                                                                today
                                                                                        .getMonthValue())
                                                                        .setDay(
                                                                                today
                                                                                        .getDayOfMonth()))
                                                        .build())));
    }

    private static void print(String target, String load, Outcome outcome) {
        for (Result result : outcome.results().values()) {
            boolean total = result.rpc().equals("all");
            if (target.equals("echo") && total) {
                continue;
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %d | %s | %.2f | %.2f | %s |%n",
                    target,
                    load,
                    total ? "**all**" : result.rpc(),
                    result.calls(),
                    result.errors().isEmpty() ? "0" : result.errors().toString(),
                    result.percentileMillis(50),
                    result.percentileMillis(99),
                    total || target.equals("echo")
                            ? String.format(Locale.ROOT, "%.0f", outcome.callsPerSecond())
                            : "");
        }
    }

    private static ManagedChannel open(List<ManagedChannel> channels, ManagedChannel channel) {
        channels.add(channel);
        return channel;
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }
}
