package dev.rtcsuite.suite.flows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application server's callback endpoint on 127.0.0.1: keeps every request it receives. */
public final class CallbackReceiver implements AutoCloseable {

    /** One received callback: its headers (lower-case names) and body. */
    public record Received(Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/callbacks",
                exchange -> {
                    try (InputStream body = exchange.getRequestBody()) {
                        Map<String, String> headers = new java.util.TreeMap<>();
                        exchange.getRequestHeaders()
                                .forEach(
                                        (name, values) ->
                                                headers.put(name.toLowerCase(), values.getFirst()));
                        received.add(
                                new Received(
                                        headers,
                                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
