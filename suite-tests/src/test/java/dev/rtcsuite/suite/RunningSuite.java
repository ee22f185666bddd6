package dev.rtcsuite.suite;

import dev.rtcsuite.platform.testing.LocalCredentials;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four packaged services, each a separate JVM on a free port with its own test database reached
 * through a {@link TcpProxy} (so a test can cut it), run as production runs them: over TLS with
 * local credentials, every call with an access token. Channels are the admin's.
 */
final class RunningSuite implements AutoCloseable {

    static final List<String> AREAS = List.of("recording", "mixing", "rating", "package");
    private static final Duration STARTUP = Duration.ofSeconds(180);

    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    final Map<String, TcpProxy> databases = new HashMap<>();
    final LocalCredentials credentials;
    private final Map<String, ManagedChannel> channels = new HashMap<>();

    private RunningSuite(LocalCredentials credentials) {
        this.credentials = credentials;
    }

    /** Starts the suite on the test databases; its logs go to target/{@code name}-logs. */
    static RunningSuite start(String name) throws Exception {
        return start(name, "");
    }

    /**
     * Starts the suite on the test databases with {@code variant} appended to their names ({@code
     * rtcsuite_<area>_<suffix>_<variant>}, made by ./rtcsuite db), or the plain ones.
     */
    static RunningSuite start(String name, String variant) throws Exception {
        return start(name, variant, postgresAddress(), Map.of());
    }

    /**
     * Services that wait up to 20 s (not 3 s) for a database connection: on a machine loaded by
     * other builds a first connection can take longer, and flows that only need the suite up ask
     * for that patience; tests that cut the database keep the production timeout.
     */
    static RunningSuite startPatiently(String name) throws Exception {
        return start(
                name,
                "",
                postgresAddress(),
                Map.of("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "20S"));
    }

    /**
     * Starts the suite on the PostgreSQL server at {@code postgres} (whose test databases must
     * exist), each service with {@code extra} added to its environment (settings a test needs).
     */
    static RunningSuite start(
            String name, String variant, InetSocketAddress postgres, Map<String, String> extra)
            throws Exception {
        Path root = Path.of(System.getProperty("rtcsuite.root", ".."));
        Path logs = Files.createDirectories(Path.of("target", name + "-logs"));
        RunningSuite suite =
                new RunningSuite(LocalCredentials.make(root, Path.of("target", "credentials")));
        Map<String, String> environment = new HashMap<>(extra);
        for (String area : AREAS) {
            int port = ServiceProcess.freePort();
            suite.services.put(
                    area,
                    new ServiceProcess(
                            area,
                            port,
                            logs.resolve(area + ".log"),
                            suite.credentials.sslContext()));
            environment.put("RTCSUITE_" + area.toUpperCase() + "_PORT", Integer.toString(port));
        }
        try {
            suite.startServices(root, postgres, environment, variant);
        } catch (Exception | AssertionError e) {
            // A suite that did not come up must not leave its other services running.
            suite.close();
            throw e;
        }
        return suite;
    }

    private void startServices(
            Path root, InetSocketAddress postgres, Map<String, String> environment, String variant)
            throws Exception {
        for (String area : AREAS) {
            TcpProxy proxy = new TcpProxy(postgres);
            databases.put(area, proxy);
            Map<String, String> own = new HashMap<>(environment);
            own.put("RTCSUITE_DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port());
            own.put("RTCSUITE_DB_NAME", testDatabase(database(area), variant));
            own.putAll(credentials.environment(area));
            // The flows' callback receivers listen on 127.0.0.1, which is refused unless allowed.
            own.put("RTCSUITE_CALLBACK_ALLOWED_NETWORKS", "127.0.0.1/32");
            services.get(area).start(root.resolve(area + "-service"), own);
        }
        for (ServiceProcess service : services.values()) {
            service.awaitStatus("/q/health/ready", 200, STARTUP);
            channels.put(service.name, credentials.channel(service.port, "admin"));
        }
    }

    /** The admin's channel to a service: recording, mixing, rating or package. */
    ManagedChannel channel(String area) {
        return channels.get(area);
    }

    /**
     * Moves every service's clock forward through the test-clock hook, which only builds made with
     * RTCSUITE_E2E_HOOKS=true have (`./rtcsuite test` makes them); the services' new time.
     */
    Instant advanceClocks(Duration by) throws IOException, InterruptedException {
        Instant now = null;
        for (ServiceProcess service : services.values()) {
            try {
                now =
                        Instant.parse(
                                service.post(
                                        "/rtcsuite/test-clock?advance=" + by,
                                        credentials.token("admin")));
            } catch (IOException e) {
                throw new IOException(
                        e.getMessage()
                                + " — the services must be built with RTCSUITE_E2E_HOOKS=true,"
                                + " as ./rtcsuite test builds them",
                        e);
            }
        }
        return now;
    }

    /**
     * Stops every service's clock at one instant, a moment from now, so that the services agree on
     * the time and only {@link #advanceClocks} moves it (the same hook).
     */
    Instant stopClocks() throws IOException, InterruptedException {
        // Far enough ahead that every service is reached before its clock gets there, even on a
        // loaded machine.
        Instant at =
                Instant.now().plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (ServiceProcess service : services.values()) {
            service.post("/rtcsuite/test-clock?stop-at=" + at, credentials.token("admin"));
        }
        return at;
    }

    ServiceProcess service(String area) {
        return services.get(area);
    }

    @Override
    public void close() throws Exception {
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        for (ServiceProcess service : services.values()) {
            service.close();
        }
        for (TcpProxy proxy : databases.values()) {
            proxy.close();
        }
    }

    static String database(String area) {
        return area.equals("package") ? "packages" : area;
    }

    /**
     * A database of an area for the suite, {@code rtcsuite_<area>_<suffix>_<variant>} (made by
     * ./rtcsuite db), the suite's own for "".
     */
    static String testDatabase(String area, String variant) {
        return "rtcsuite_"
                + area
                + "_"
                + System.getenv().getOrDefault("RTCSUITE_TEST_DB_SUFFIX", "test")
                + "_"
                + (variant.isEmpty() ? "suite" : variant);
    }

    /**
     * The suite's database of an area, apart from the one the module's own tests use: what those
     * leave behind (accounts whose clocks were moved to 2023, say, and whose daily settlements then
     * catch up day by day) must not hold up the suite's durable jobs.
     */
    static String testDatabase(String area) {
        return testDatabase(area, "");
    }

    /** The PostgreSQL server of RTCSUITE_DB_URL (jdbc:postgresql://host:port), else local 5432. */
    static InetSocketAddress postgresAddress() throws IOException {
        String url =
                System.getenv().getOrDefault("RTCSUITE_DB_URL", "jdbc:postgresql://127.0.0.1:5432");
        String hostPort = url.replaceFirst("^jdbc:postgresql://", "").split("/")[0];
        int colon = hostPort.lastIndexOf(':');
        return colon < 0
                ? new InetSocketAddress(hostPort, 5432)
                : new InetSocketAddress(
                        hostPort.substring(0, colon),
                        Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
