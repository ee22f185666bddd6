package dev.rtcsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.mixing.v1.ListMixSessionsRequest;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.suite.faults.PrivatePostgres;
import dev.rtcsuite.suite.faults.ProbeLoad;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL stopped for 30 s under load (issue #9, SPEC X-6): the four services run on a private
 * PostgreSQL cluster of this test (the shared server is left alone), which pg_ctl stops while
 * producers call every service. Readiness goes DOWN; every call answers within its deadline, and
 * every failure is UNAVAILABLE; after pg_ctl start the services recover without a restart and
 * nothing they acknowledged is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String USER = "rtcsuite";
    private static final int ROOM = 3_003;

    private PrivatePostgres postgres;
    private RunningSuite suite;
    private FaultDrill drill;
    private ManagedChannel media;

    @BeforeAll
    void startTheSuiteOnAPrivateCluster() throws Exception {
        postgres = PrivatePostgres.create();
        postgres.createDatabases(
                USER,
                System.getenv().getOrDefault("RTCSUITE_DB_PASSWORD", USER),
                RunningSuite.AREAS.stream()
                        .map(area -> RunningSuite.testDatabase(RunningSuite.database(area)))
                        .toList());
        suite =
                RunningSuite.start(
                        "database-outage", "", postgres.address(), FaultDrill.PATIENT_POOL);
        drill =
                new FaultDrill(
                        suite, "jdbc:postgresql://127.0.0.1:" + postgres.address().getPort());
        media = suite.credentials.channel(suite.service("recording").port, "media");
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (media != null) {
            media.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (suite != null) {
            suite.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServicesAnswerUnavailableWhileTheDatabaseIsStoppedAndRecoverWithoutARestart()
            throws Exception {
        long app = drill.newApp("Outage Ltd").getSdkAppId();
        MediaEvents.configureRecording(
                suite.channel("recording"), app, RecordingMode.RECORDING_MODE_GLOBAL_AUTO, "");
        Set<String> ingested = ConcurrentHashMap.newKeySet();
        Set<String> accounts = ConcurrentHashMap.newKeySet();
        Set<String> publishers = ConcurrentHashMap.newKeySet();
        Map<String, Long> pids = pids();

        long stoppedAt;
        long startedAt;
        ProbeLoad load = new ProbeLoad(probes(app, ingested, accounts, publishers));
        try {
            Thread.sleep(3_000);
            postgres.stop();
            stoppedAt = System.nanoTime();
            for (ServiceProcess service : suite.services.values()) {
                service.awaitStatus("/q/health/ready", 503, OUTAGE);
            }
            long downAt = System.nanoTime();
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (downAt - stoppedAt) / 1_000_000));
            List<ProbeLoad.Outcome> whileDown = load.within(downAt, System.nanoTime());
            postgres.start();
            startedAt = System.nanoTime();
            for (ServiceProcess service : suite.services.values()) {
                service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(60));
            }
            Thread.sleep(5_000);

            // While the database was away every call failed, as UNAVAILABLE, for every service.
            assertThat(whileDown).isNotEmpty();
            assertThat(codes(whileDown)).isEqualTo(Set.of(Status.Code.UNAVAILABLE));
            assertThat(probes(whileDown))
                    .containsExactlyInAnyOrder("rating", "package", "recording", "mixing");
        } finally {
            load.close();
        }
        List<ProbeLoad.Outcome> all = load.outcomes();
        // Around the outage too: no INTERNAL, no call beyond its deadline.
        assertThat(codes(all)).isSubsetOf(Status.Code.OK, Status.Code.UNAVAILABLE);
        assertThat(
                        all.stream()
                                .map(ProbeLoad.Outcome::latency)
                                .max(Duration::compareTo)
                                .orElseThrow())
                .isLessThan(DEADLINE.plusSeconds(1));
        // Every service works again, in the same process.
        List<ProbeLoad.Outcome> after = load.within(startedAt, Long.MAX_VALUE);
        assertThat(
                        after.stream()
                                .filter(o -> o.code() == Status.Code.OK)
                                .map(ProbeLoad.Outcome::probe)
                                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("rating", "package", "recording", "mixing");
        assertThat(pids()).isEqualTo(pids);

        // Nothing acknowledged is lost.
        assertThat(
                        column(
                                "rating",
                                "SELECT idempotency_key FROM usage_record WHERE sdk_app_id = ?",
                                app))
                .containsAll(ingested);
        assertThat(
                        column(
                                "package",
                                "SELECT account_id::text FROM account WHERE display_name = 'Outage probe'"))
                .containsAll(accounts);
        assertThat(
                        column(
                                "recording",
                                "SELECT user_id FROM recording_task WHERE sdk_app_id = ?",
                                app))
                .containsAll(publishers);
    }

    /**
     * One producer per service, each call with the deadline and, if it writes, a new request id.
     */
    private Map<String, Supplier<Runnable>> probes(
            long app, Set<String> ingested, Set<String> accounts, Set<String> publishers) {
        AtomicInteger sequence = new AtomicInteger();
        var rating = RatingServiceGrpc.newBlockingStub(suite.channel("rating"));
        var packages = PackagesServiceGrpc.newBlockingStub(suite.channel("package"));
        var recording = RecordingServiceGrpc.newBlockingStub(media);
        var mixing = MixingServiceGrpc.newBlockingStub(suite.channel("mixing"));
        Instant start = drill.now().minus(Duration.ofHours(3));
        return Map.of(
                "rating",
                () -> {
                    String key = "outage-" + sequence.incrementAndGet();
                    IngestUsageRequest request =
                            IngestUsageRequest.newBuilder()
                                    .setRequestId(UUID.randomUUID().toString())
                                    .addRecords(KillNineTest.presence(app, key, key, start, 60))
                                    .build();
                    return () -> {
                        deadline(rating).ingestUsage(request);
                        ingested.add(key);
                    };
                },
                "package",
                () -> {
                    CreateAccountRequest request =
                            CreateAccountRequest.newBuilder()
                                    .setRequestId(UUID.randomUUID().toString())
                                    .setDisplayName("Outage probe")
                                    .setTrialExhaustionPolicy(
                                            TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP)
                                    .build();
                    return () ->
                            accounts.add(
                                    deadline(packages)
                                            .createAccount(request)
                                            .getAccount()
                                            .getAccountId());
                },
                "recording",
                () -> {
                    String user = "outage-" + sequence.incrementAndGet();
                    var event =
                            MediaEvents.anchor(
                                    app,
                                    ROOM,
                                    user,
                                    640,
                                    480,
                                    StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                                    drill.now());
                    return () -> {
                        deadline(recording).reportStreamEvent(event);
                        publishers.add(user);
                    };
                },
                "mixing",
                () ->
                        () ->
                                deadline(mixing)
                                        .listMixSessions(
                                                ListMixSessionsRequest.newBuilder()
                                                        .setSdkAppId(app)
                                                        .build()));
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S deadline(S stub) {
        return stub.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Set<Status.Code> codes(List<ProbeLoad.Outcome> outcomes) {
        return outcomes.stream().map(ProbeLoad.Outcome::code).collect(Collectors.toSet());
    }

    private static Set<String> probes(List<ProbeLoad.Outcome> outcomes) {
        return outcomes.stream().map(ProbeLoad.Outcome::probe).collect(Collectors.toSet());
    }

    private Map<String, Long> pids() {
        return suite.services.values().stream()
                .collect(Collectors.toMap(s -> s.name, ServiceProcess::pid));
    }

    private Set<String> column(String area, String sql, Object... parameters) throws Exception {
        Set<String> values = new HashSet<>();
        for (List<Object> row : drill.rows(area, sql, parameters)) {
            values.add(row.getFirst().toString());
        }
        return values;
    }
}
