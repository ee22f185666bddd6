package dev.rtcsuite.suite;

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
import javax.net.ssl.SSLContext;

/**
 * One packaged service (target/*-runner.jar) running as a separate JVM, as in production: over TLS,
 * its health and metrics read over HTTPS.
 */
final class ServiceProcess implements AutoCloseable {

    final String name;
    final int port;
    private final Path log;
    private final HttpClient http;
    private Process process;
    private Path module;
    private Map<String, String> environment;

    ServiceProcess(String name, int port, Path log, SSLContext trust) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .sslContext(trust)
                        .build();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts {@code module}'s packaged application with {@code environment} added. */
    void start(Path module, Map<String, String> environment) throws IOException {
        this.module = module;
        this.environment = environment;
        Path jar = PackagedJar.runner(module.resolve("target"));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder =
                new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Kills the JVM as `kill -9` would: no shutdown hooks, no graceful drain. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    /**
     * Starts the same application again, on the same port and database, with {@code extra} added to
     * its environment for this start only.
     */
    void restart(Map<String, String> extra) throws IOException {
        Map<String, String> original = environment;
        Map<String, String> once = new HashMap<>(original);
        once.putAll(extra);
        start(module, once);
        environment = original;
    }

    /** The environment it was started with (a second replica starts from it). */
    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** The operating system's id of the running JVM (a restart changes it). */
    long pid() {
        return process.pid();
    }

    /** The service's module directory (with target/*-runner.jar). */
    Path module() {
        return module;
    }

    /** The HTTP status of a GET on this service, or -1 when it does not answer. */
    int get(String path) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String body(String path) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * POSTs to {@code path} with an access token; the answer's body, or an exception naming its
     * status.
     */
    String post(String path, String token) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "POST "
                            + path
                            + " to "
                            + name
                            + ": "
                            + response.statusCode()
                            + " "
                            + response.body());
        }
        return response.body().strip();
    }

    /** Waits until GET {@code path} answers {@code status}; fails with the log's tail if not. */
    void awaitStatus(String path, int status, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited:\n" + tail());
            }
            if (get(path) == status) {
                return;
            }
            sleep(250);
        }
        throw new AssertionError(
                name
                        + " "
                        + path
                        + " did not answer "
                        + status
                        + " within "
                        + timeout
                        + "\n"
                        + tail());
    }

    String tail() throws IOException {
        String text = logText();
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    /** Everything the process has written to its log so far. */
    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
