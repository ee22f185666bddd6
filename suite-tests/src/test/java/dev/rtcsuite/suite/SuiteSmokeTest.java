package dev.rtcsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.ListAccountsRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.platform.testing.GrpcReflection;
import dev.rtcsuite.platform.testing.LocalCredentials;
import dev.rtcsuite.rating.v1.DailyBill;
import dev.rtcsuite.rating.v1.PresenceInterval;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.rating.v1.StreamUsageRequest;
import dev.rtcsuite.rating.v1.StreamUsageResponse;
import dev.rtcsuite.rating.v1.UsageRecord;
import dev.rtcsuite.recording.v1.GetRecordingConfigRequest;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The four packaged services, each a separate JVM on a free port with its own database reached
 * through a {@link TcpProxy}, checked together: readiness, gRPC health and reflection, one call to
 * each (an account and app created in package-service, resolved from recording-service), and a
 * database outage that readiness reports and recovers from without a restart (SPEC X-6).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteSmokeTest {

    private static final Map<String, String> V1_SERVICES =
            Map.of(
                    "recording", "rtcsuite.recording.v1.RecordingService",
                    "mixing", "rtcsuite.mixing.v1.MixingService",
                    "rating", "rtcsuite.rating.v1.RatingService",
                    "package", "rtcsuite.packages.v1.PackagesService");

    private RunningSuite suite;
    private Map<String, ServiceProcess> services;
    private Map<String, TcpProxy> databases;
    private LocalCredentials credentials;

    @BeforeAll
    void startTheSuite() throws Exception {
        suite = RunningSuite.start("suite");
        services = suite.services;
        databases = suite.databases;
        credentials = suite.credentials;
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        suite.close();
    }

    @Test
    @Order(1)
    void everyServiceIsLiveStartedAndReadyOverHttp() {
        for (ServiceProcess service : services.values()) {
            assertThat(service.get("/q/health/live")).as(service.name).isEqualTo(200);
            assertThat(service.get("/q/health/started")).as(service.name).isEqualTo(200);
            assertThat(service.get("/q/health/ready")).as(service.name).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void everyServiceAnswersStandardGrpcHealthServing() {
        for (String area : RunningSuite.AREAS) {
            var health = HealthGrpc.newBlockingStub(suite.channel(area));

            assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                    .as(area)
                    .isEqualTo(ServingStatus.SERVING);
            assertThat(
                            health.check(
                                            HealthCheckRequest.newBuilder()
                                                    .setService(V1_SERVICES.get(area))
                                                    .build())
                                    .getStatus())
                    .as(area)
                    .isEqualTo(ServingStatus.SERVING);
        }
    }

    @Test
    @Order(3)
    void reflectionListsEveryV1Service() throws Exception {
        for (String area : RunningSuite.AREAS) {
            assertThat(GrpcReflection.services(suite.channel(area)))
                    .as(area)
                    .contains(V1_SERVICES.get(area), "grpc.health.v1.Health");
        }
    }

    @Test
    @Order(4)
    void everyServiceExposesPrometheusMetrics() throws Exception {
        for (ServiceProcess service : services.values()) {
            assertThat(service.body("/q/metrics")).as(service.name).contains("jvm_threads_live");
        }
    }

    @Test
    @Order(5)
    void anAppCreatedInPackageServiceIsResolvedByRecordingAndRatingService()
            throws InterruptedException {
        CreatedApp created = createApp();
        long sdkAppId = created.sdkAppId();
        String accountId = created.accountId();

        RecordingConfig config = recordingConfig(sdkAppId);
        DailyBill bill = audioBillOf(sdkAppId);

        assertThat(config.getSdkAppId()).isEqualTo(sdkAppId);
        // 30 audio minutes × 7.00 / 1000 = 0.21, in the account's zone resolved by rating-service.
        assertThat(bill.getAccountId()).isEqualTo(accountId);
        assertThat(bill.getBillingTimeZone()).isEqualTo("Asia/Shanghai");
        assertThat(bill.getTotals(0).getRoundedAmount().getNanos()).isEqualTo(210_000_000);
        assertThat(config.getEnabled()).isFalse();
        Status unknown = status(() -> recordingConfig(sdkAppId + 1_000_000));
        assertThat(unknown.getCode()).as(unknown.getDescription()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    @Order(5)
    void callersAreAuthenticatedAuthorisedAndKeptInsideTheirApp() throws Exception {
        int recording = services.get("recording").port;
        int packages = services.get("package").port;
        long sdkAppId = createApp().sdkAppId();
        ManagedChannel plaintext =
                NettyChannelBuilder.forAddress("127.0.0.1", packages).usePlaintext().build();
        ManagedChannel media = credentials.channel(packages, "media");
        ManagedChannel app =
                credentials.channelWithToken(recording, credentials.appToken(sdkAppId));
        try {
            // SPEC X-5: TLS only; a token on every call; roles per method; an app caller's app.
            assertThat(
                            status(
                                            () ->
                                                    PackagesServiceGrpc.newBlockingStub(plaintext)
                                                            .listAccounts(
                                                                    ListAccountsRequest
                                                                            .getDefaultInstance()))
                                    .getCode())
                    .isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(
                            status(
                                            () ->
                                                    PackagesServiceGrpc.newBlockingStub(media)
                                                            .createAccount(
                                                                    CreateAccountRequest
                                                                            .getDefaultInstance()))
                                    .getCode())
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(
                            RecordingServiceGrpc.newBlockingStub(app)
                                    .getRecordingConfig(
                                            GetRecordingConfigRequest.newBuilder()
                                                    .setSdkAppId(sdkAppId)
                                                    .build())
                                    .getConfig()
                                    .getSdkAppId())
                    .isEqualTo(sdkAppId);
            assertThat(
                            status(
                                            () ->
                                                    RecordingServiceGrpc.newBlockingStub(app)
                                                            .getRecordingConfig(
                                                                    GetRecordingConfigRequest
                                                                            .newBuilder()
                                                                            .setSdkAppId(
                                                                                    sdkAppId + 1)
                                                                            .build()))
                                    .getCode())
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        } finally {
            for (ManagedChannel channel : List.of(plaintext, media, app)) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(7)
    void readinessGoesDownWithoutTheDatabaseAndUpWhenItReturns() throws Exception {
        for (TcpProxy proxy : databases.values()) {
            proxy.cut();
        }
        for (ServiceProcess service : services.values()) {
            service.awaitStatus("/q/health/ready", 503, Duration.ofSeconds(30));
            assertThat(service.get("/q/health/live")).as(service.name).isEqualTo(200);
        }
        Status whileDown =
                status(
                        () ->
                                PackagesServiceGrpc.newBlockingStub(suite.channel("package"))
                                        .withDeadlineAfter(20, TimeUnit.SECONDS)
                                        .createAccount(
                                                CreateAccountRequest.newBuilder()
                                                        .setRequestId(UUID.randomUUID().toString())
                                                        .setDisplayName("While Down Ltd")
                                                        .setTrialExhaustionPolicy(
                                                                TrialExhaustionPolicy
                                                                        .TRIAL_EXHAUSTION_POLICY_STOP)
                                                        .build()));
        assertThat(whileDown.getCode()).isEqualTo(Status.Code.UNAVAILABLE);

        for (TcpProxy proxy : databases.values()) {
            proxy.restore();
        }
        for (ServiceProcess service : services.values()) {
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));
        }
    }

    /**
     * Half an hour of one user alone in a room yesterday, ingested and billed by rating-service.
     */
    private DailyBill audioBillOf(long sdkAppId) throws InterruptedException {
        return AloneInARoom.billAfter(
                suite.channel("rating"),
                sdkAppId,
                "smoke-presence",
                LocalDate.now(AloneInARoom.SHANGHAI).minusDays(1),
                1800);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
    }

    @Test
    @Order(8)
    void aKilledRatingServiceLosesNoAcknowledgedRecordAndDoublesNone() throws Exception {
        long app = 1_600_000_000L + System.nanoTime() % 1_000_000;
        List<StreamUsageRequest> batches = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            StreamUsageRequest.Builder batch = StreamUsageRequest.newBuilder();
            for (int r = 0; r < 200; r++) {
                batch.addRecords(presence(app, "b" + b + "-r" + r, "user" + r));
            }
            batches.add(batch.build());
        }
        ServiceProcess rating = services.get("rating");
        // Half the batches go out on a stream that the kill cuts before its answer.
        StreamObserver<StreamUsageRequest> cut =
                RatingServiceGrpc.newStub(suite.channel("rating"))
                        .streamUsage(new NoAnswerExpected());
        for (StreamUsageRequest batch : batches.subList(0, 3)) {
            cut.onNext(batch);
        }
        Thread.sleep(500);
        rating.kill();
        rating.restart(Map.of());
        rating.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(180));

        // The producer sends everything again, as it must without an acknowledgement.
        StreamUsageResponse answer = streamAll(batches);

        assertThat(answer.getAcceptedCount() + answer.getDuplicateCount()).isEqualTo(1_200);
        assertThat(answer.getBatchCount()).isEqualTo(6);
        assertThat(storedRecords(app)).isEqualTo(1_200);
        assertThat(streamAll(batches).getDuplicateCount()).isEqualTo(1_200);
    }

    private StreamUsageResponse streamAll(List<StreamUsageRequest> batches) throws Exception {
        CompletableFuture<StreamUsageResponse> answer = new CompletableFuture<>();
        StreamObserver<StreamUsageRequest> stream =
                RatingServiceGrpc.newStub(suite.channel("rating"))
                        .streamUsage(
                                new StreamObserver<>() {
                                    @Override
                                    public void onNext(StreamUsageResponse response) {
                                        answer.complete(response);
                                    }

                                    @Override
                                    public void onError(Throwable t) {
                                        answer.completeExceptionally(t);
                                    }

                                    @Override
                                    public void onCompleted() {}
                                });
        batches.forEach(stream::onNext);
        stream.onCompleted();
        return answer.get(60, TimeUnit.SECONDS);
    }

    private static UsageRecord presence(long app, String key, String user) {
        Instant start = Instant.now().minus(Duration.ofHours(2));
        return UsageRecord.newBuilder()
                .setIdempotencyKey(key)
                .setSdkAppId(app)
                .setPresence(
                        PresenceInterval.newBuilder()
                                .setRoomId(9)
                                .setUserId(user)
                                .setStartTime(timestamp(start))
                                .setEndTime(timestamp(start.plusSeconds(600))))
                .build();
    }

    private static long storedRecords(long app) throws Exception {
        String url =
                System.getenv().getOrDefault("RTCSUITE_DB_URL", "jdbc:postgresql://127.0.0.1:5432")
                        + "/"
                        + RunningSuite.testDatabase("rating");
        try (Connection connection =
                        DriverManager.getConnection(
                                url,
                                System.getenv().getOrDefault("RTCSUITE_DB_USER", "rtcsuite"),
                                System.getenv().getOrDefault("RTCSUITE_DB_PASSWORD", "rtcsuite"));
                PreparedStatement count =
                        connection.prepareStatement(
                                "SELECT count(*) FROM usage_record WHERE sdk_app_id = ?")) {
            count.setLong(1, app);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The stream the kill cuts: whatever it answers is not an acknowledgement we rely on. */
    private static final class NoAnswerExpected implements StreamObserver<StreamUsageResponse> {
        @Override
        public void onNext(StreamUsageResponse response) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
    }

    private RecordingConfig recordingConfig(long sdkAppId) {
        return RecordingServiceGrpc.newBlockingStub(suite.channel("recording"))
                .getRecordingConfig(
                        GetRecordingConfigRequest.newBuilder().setSdkAppId(sdkAppId).build())
                .getConfig();
    }

    /** An app of a new account, created by the admin. */
    private record CreatedApp(String accountId, long sdkAppId) {}

    private CreatedApp createApp() {
        PackagesServiceBlockingStub packages =
                PackagesServiceGrpc.newBlockingStub(suite.channel("package"));
        String accountId =
                packages.createAccount(
                                CreateAccountRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setDisplayName("Suite Smoke Ltd")
                                        .setTrialExhaustionPolicy(
                                                TrialExhaustionPolicy
                                                        .TRIAL_EXHAUSTION_POLICY_CONTINUE)
                                        .build())
                        .getAccount()
                        .getAccountId();
        long sdkAppId =
                packages.createApp(
                                CreateAppRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setAccountId(accountId)
                                        .setName("smoke")
                                        .build())
                        .getApp()
                        .getSdkAppId();
        return new CreatedApp(accountId, sdkAppId);
    }

    private static Status status(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
        throw new AssertionError("the call succeeded; expected it to fail");
    }
}
