package dev.rtcsuite.recording.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP callback receiver on 127.0.0.1 (JDK HttpServer) that answers 500 to its first {@code
 * failures} requests, then 200, and keeps every request it received.
 */
public final class CallbackReceiver implements AutoCloseable {

    /** One request as received, and the status it was answered with. */
    public record Received(
            String eventIdHeader,
            String timestamp,
            String signature,
            String body,
            JsonNode json,
            int status) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public CallbackReceiver(int failures) {
        this.failuresLeft = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(
                "/hook",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
                    received.add(
                            new Received(
                                    exchange.getRequestHeaders().getFirst("X-Rtcsuite-Event-Id"),
                                    exchange.getRequestHeaders().getFirst("X-Rtcsuite-Timestamp"),
                                    exchange.getRequestHeaders().getFirst("X-Rtcsuite-Signature"),
                                    body,
                                    JSON.readTree(body),
                                    status));
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Makes the next {@code count} requests fail. */
    public void failNext(int count) {
        failuresLeft.set(count);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> ofType(int eventType) {
        return received.stream()
                .filter(r -> r.json().path("event_type").asInt() == eventType)
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
