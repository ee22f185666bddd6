package dev.rtcsuite.suite.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of one test's own (initdb into a temporary directory, a free port, TCP on
 * 127.0.0.1 only), so that the test may stop the server itself without taking the shared server
 * away from everybody else. initdb refuses root: as root, the server runs as the postgres user.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN =
            Path.of(System.getProperty("rtcsuite.postgres-bin", "/usr/lib/postgresql/15/bin"));
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path data;
    private final int port;

    private PrivatePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** initdb and start; the superuser is "postgres", trusted over TCP from 127.0.0.1. */
    public static PrivatePostgres create() throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("rtcsuite-pg-");
        if (ROOT) {
            UserPrincipal postgres =
                    data.getFileSystem()
                            .getUserPrincipalLookupService()
                            .lookupPrincipalByName("postgres");
            Files.setOwner(data, postgres);
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        PrivatePostgres cluster = new PrivatePostgres(data, port);
        cluster.run(
                BIN.resolve("initdb").toString(),
                "-D",
                data.resolve("pgdata").toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync");
        cluster.start();
        return cluster;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** Starts (again) the server and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        run(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                data.resolve("pgdata").toString(),
                "-l",
                data.resolve("server.log").toString(),
                "-w",
                "-o",
                "-p "
                        + port
                        + " -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off"
                        + " -c max_connections=200",
                "start");
    }

    /** Stops the server as an operator would (fast: open sessions are terminated). */
    public void stop() throws IOException, InterruptedException {
        run(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                data.resolve("pgdata").toString(),
                "-m",
                "fast",
                "-w",
                "stop");
    }

    /** Creates the login role and the databases it owns. */
    public void createDatabases(String user, String password, List<String> databases)
            throws SQLException {
        try (Connection connection = connect("postgres", "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password + "'");
            for (String database : databases) {
                sql.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
            }
        }
    }

    public Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, password);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(
                    BIN.resolve("pg_ctl").toString(),
                    "-D",
                    data.resolve("pgdata").toString(),
                    "-m",
                    "immediate",
                    "-w",
                    "stop");
        } catch (IOException alreadyStopped) {
            // a failed test may have left it stopped
        }
        try (var paths = Files.walk(data)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs a PostgreSQL program, as the postgres user when we are root; fails on its exit code. */
    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (ROOT) {
            line.addAll(List.of("su", "postgres", "-s", "/bin/sh", "-c", quoted(command)));
        } else {
            line.addAll(List.of(command));
        }
        Path output = Files.createTempFile("rtcsuite-pg-", ".out");
        try {
            Process process =
                    new ProcessBuilder(line)
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IOException(
                        String.join(" ", command)
                                + " exited "
                                + process.exitValue()
                                + ": "
                                + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String quoted(String... words) {
        StringBuilder text = new StringBuilder();
        for (String word : words) {
            text.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        return text.toString().strip();
    }
}
