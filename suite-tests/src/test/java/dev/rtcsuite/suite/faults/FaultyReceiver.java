package dev.rtcsuite.suite.faults;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An application server's callback endpoint on 127.0.0.1 that misbehaves on demand, per path: it
 * answers 200, answers 500, closes the connection without an answer, or keeps the sender waiting
 * past its timeout. Plain sockets rather than an HTTP server library, so that "close without an
 * answer" and "never answer" are exactly that. Every request is kept with what it got.
 */
public final class FaultyReceiver implements AutoCloseable {

    /** What a path does with a request. */
    public enum Behaviour {
        OK,
        ERROR_500,
        CLOSE,
        TIMEOUT
    }

    /** One received request: its path, event id header, body, and what it was answered with. */
    public record Request(String path, String eventId, String body, Behaviour answer) {
        public boolean delivered() {
            return answer == Behaviour.OK;
        }
    }

    /** Longer than the sender's 5 s timeout (CallbackSender), so a TIMEOUT request fails. */
    private static final Duration HOLD = Duration.ofSeconds(8);

    private final ServerSocket server;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    public FaultyReceiver() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    /** The URL of {@code path} ("/name"), answering OK until told otherwise. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    public void behave(String path, Behaviour behaviour) {
        behaviours.put(path, behaviour);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests received for {@code eventId}, whatever they were answered with. */
    public long attempts(String eventId) {
        return requests.stream().filter(r -> eventId.equals(r.eventId())).count();
    }

    /** Per event id, how many times it was answered 200. */
    public Map<String, Long> deliveries() {
        Map<String, Long> counts = new HashMap<>();
        for (Request request : requests) {
            if (request.delivered()) {
                counts.merge(request.eventId(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                // close() ends the loop
            }
        }
    }

    /** Serves the requests of one (keep-alive) connection until it closes or a fault ends it. */
    private void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new HashMap<>();
                for (String header = line(in);
                        header != null && !header.isEmpty();
                        header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.put(
                            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).trim());
                }
                byte[] body =
                        in.readNBytes(
                                Integer.parseInt(headers.getOrDefault("content-length", "0")));
                String path = requestLine.split(" ")[1];
                Behaviour behaviour = behaviours.getOrDefault(path, Behaviour.OK);
                requests.add(
                        new Request(
                                path,
                                headers.getOrDefault("x-rtcsuite-event-id", ""),
                                new String(body, StandardCharsets.UTF_8),
                                behaviour));
                switch (behaviour) {
                    case OK -> answer(out, "200 OK");
                    case ERROR_500 -> answer(out, "500 Internal Server Error");
                    case CLOSE -> {
                        return; // no answer: the connection closes under the sender
                    }
                    case TIMEOUT -> {
                        Thread.sleep(HOLD);
                        return;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the sender gave up or closed: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private static void answer(OutputStream out, String status) throws IOException {
        out.write(
                ("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
