package dev.rtcsuite.suite;

import dev.rtcsuite.packages.v1.App;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * What the fault tests share: one stopped clock for the whole suite that survives a service's
 * restart, kill -9 and restart of a service, and reads of a service's database.
 */
final class FaultDrill {

    /** Starts a service's test clock stopped at an instant (MovableClock). */
    private static final String STOP_AT = "RTCSUITE_TEST_CLOCK_STOP_AT";

    private static final Duration READY = Duration.ofSeconds(180);

    /**
     * The services' settings in the fault tests: a first connection may take longer than the 3 s
     * acquisition timeout on a loaded 2-core machine while four cold JVMs start (Flyway fails the
     * startup then). A refused connection still fails at once, so a database outage is still
     * answered within the callers' deadlines (DatabaseOutageTest checks it).
     */
    static final Map<String, String> PATIENT_POOL =
            Map.of("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "20S");

    private final RunningSuite suite;
    private final String serverUrl;
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private Instant now;

    /**
     * Stops every service's clock an hour ahead of the real time: a restarted service (whose clock
     * starts from the real time again) can then be stopped at the same instant as the others.
     */
    FaultDrill(RunningSuite suite, String serverUrl) throws IOException, InterruptedException {
        this.suite = suite;
        this.serverUrl = serverUrl;
        // A minute ahead: on a loaded machine the four posts may take seconds between them.
        Instant at = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        for (ServiceProcess service : suite.services.values()) {
            service.post("/rtcsuite/test-clock?stop-at=" + at, suite.credentials.token("admin"));
        }
        this.now = suite.advanceClocks(Duration.ofHours(1));
    }

    /** The suite's time: every service reads this instant until {@link #pass}. */
    Instant now() {
        return now;
    }

    Instant pass(Duration duration) throws IOException, InterruptedException {
        now = suite.advanceClocks(duration);
        for (ServiceProcess replica : replicas) {
            replica.post("/rtcsuite/test-clock?stop-at=" + now, suite.credentials.token("admin"));
        }
        return now;
    }

    /**
     * Starts a second replica of {@code area} on a port of its own, on the same database, ready and
     * on suite time; the drill moves its clock with the others.
     */
    ServiceProcess startReplica(String area) throws Exception {
        ServiceProcess first = suite.service(area);
        int port = ServiceProcess.freePort();
        ServiceProcess replica =
                new ServiceProcess(
                        area + "-2",
                        port,
                        Path.of("target", "replica-logs", area + "-2.log"),
                        suite.credentials.sslContext());
        Files.createDirectories(Path.of("target", "replica-logs"));
        Map<String, String> environment = new HashMap<>(first.environment());
        environment.put("RTCSUITE_" + area.toUpperCase() + "_PORT", Integer.toString(port));
        environment.put(STOP_AT, now.toString());
        replica.start(first.module(), environment);
        replicas.add(replica);
        replica.awaitStatus("/q/health/ready", 200, READY);
        return replica;
    }

    /** kill -9, then the same service on the same port and database, ready and on suite time. */
    void killAndRestart(String area) throws Exception {
        ServiceProcess service = suite.service(area);
        service.kill();
        restart(area);
    }

    /**
     * Starts a killed service again, ready and on suite time from its first instant: on real time
     * (an hour behind the suite's) until a test stopped its clock, it could apply a room change or
     * run a job at the wrong time meanwhile.
     */
    void restart(String area) throws Exception {
        ServiceProcess service = suite.service(area);
        service.restart(Map.of(STOP_AT, now.toString()));
        service.awaitStatus("/q/health/ready", 200, READY);
    }

    /** A new account (free trial, continue policy) and its first app. */
    App newApp(String name) {
        var packages = PackagesServiceGrpc.newBlockingStub(suite.channel("package"));
        String accountId =
                packages.createAccount(
                                CreateAccountRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setDisplayName(name)
                                        .setTrialExhaustionPolicy(
                                                TrialExhaustionPolicy
                                                        .TRIAL_EXHAUSTION_POLICY_CONTINUE)
                                        .build())
                        .getAccount()
                        .getAccountId();
        return packages.createApp(
                        CreateAppRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccountId(accountId)
                                .setName(name.toLowerCase().replace(' ', '-'))
                                .build())
                .getApp();
    }

    /** Rows of a query on an area's test database, each as its column values. */
    List<List<Object>> rows(String area, String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(area);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The one number a query answers. */
    long number(String area, String sql, Object... parameters) throws SQLException {
        return ((Number) rows(area, sql, parameters).getFirst().getFirst()).longValue();
    }

    private Connection connect(String area) throws SQLException {
        return DriverManager.getConnection(
                serverUrl + "/" + RunningSuite.testDatabase(RunningSuite.database(area)),
                System.getenv().getOrDefault("RTCSUITE_DB_USER", "rtcsuite"),
                System.getenv().getOrDefault("RTCSUITE_DB_PASSWORD", "rtcsuite"));
    }

    /** The shared server's JDBC URL, as RunningSuite reaches it. */
    static String sharedServer() {
        return System.getenv().getOrDefault("RTCSUITE_DB_URL", "jdbc:postgresql://127.0.0.1:5432");
    }

    /** Polls {@code condition} every 250 ms for up to {@code patience}; fails naming it. */
    static void await(Callable<Boolean> condition, Duration patience, String what)
            throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what + " after " + patience);
            }
            Thread.sleep(250);
        }
    }
}
