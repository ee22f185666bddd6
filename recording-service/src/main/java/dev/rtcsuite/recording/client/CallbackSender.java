package dev.rtcsuite.recording.client;

import dev.rtcsuite.recording.domain.callback.CallbackSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** POSTs a signed callback body to an app's URL (SPEC C-6). Redirects are not followed. */
@ApplicationScoped
public class CallbackSender {

    /**
     * What one attempt came to.
     *
     * @param httpStatus 0 when no answer was received
     * @param error empty on a 2xx answer
     */
    public record Outcome(int httpStatus, String error, Duration latency) {

        public boolean delivered() {
            return httpStatus >= 200 && httpStatus < 300;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http =
            HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

    /** Sends {@code body}, signed with {@code key} when there is one, at Unix time {@code now}. */
    public Outcome send(String url, String eventId, String body, Optional<String> key, long now) {
        long start = System.nanoTime();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header(CallbackSignature.EVENT_ID_HEADER, eventId)
                        .header(CallbackSignature.TIMESTAMP_HEADER, Long.toString(now))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        key.ifPresent(
                k ->
                        request.header(
                                CallbackSignature.SIGNATURE_HEADER,
                                CallbackSignature.sign(k, now, body)));
        try {
            HttpResponse<Void> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            int status = response.statusCode();
            return new Outcome(
                    status, status >= 200 && status < 300 ? "" : "HTTP " + status, latency);
        } catch (IOException e) {
            return new Outcome(0, e.toString(), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted", Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
