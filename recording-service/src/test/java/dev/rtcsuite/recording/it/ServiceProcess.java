package dev.rtcsuite.recording.it;

import dev.rtcsuite.platform.testing.LocalCredentials;
import dev.rtcsuite.platform.testing.PackagedJar;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged recording-service (target/*-runner.jar) as a child JVM, run as production runs it
 * (prod profile, TLS, tokens) on this module's test database, so a test can kill it as {@code kill
 * -9} would and start it again on the same port and database.
 */
final class ServiceProcess implements AutoCloseable {

    private final Map<String, String> environment;
    private final String database;
    private final Path log;
    private final HttpClient http;
    final int port;
    private Process process;

    ServiceProcess(LocalCredentials credentials, String database, Map<String, String> environment)
            throws IOException {
        this.database = database;
        this.port = freePort();
        this.environment = new HashMap<>(credentials.environment("recording"));
        this.environment.put("RTCSUITE_RECORDING_PORT", Integer.toString(port));
        this.environment.putAll(environment);
        this.log = Path.of("target", "it-restart-recording.log").toAbsolutePath();
        Files.deleteIfExists(log);
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .sslContext(credentials.sslContext())
                        .build();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts the packaged service and waits until it is ready. */
    void start(Duration patience) throws IOException {
        Path jar = PackagedJar.runner(Path.of("target"));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder =
                new ProcessBuilder(
                                java,
                                "-Xmx256m",
                                "-Drtcsuite.db.name=" + database,
                                "-jar",
                                jar.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        awaitReady(patience);
    }

    /** Kills the JVM as {@code kill -9} would: no shutdown hooks, no graceful drain. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    String tail() throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    private void awaitReady(Duration patience) throws IOException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("recording-service exited:\n" + tail());
            }
            if (readiness() == 200) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("recording-service not ready within " + patience + "\n" + tail());
    }

    private int readiness() {
        try {
            return http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "https://127.0.0.1:"
                                                            + port
                                                            + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
