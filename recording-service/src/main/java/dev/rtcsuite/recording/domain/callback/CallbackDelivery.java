package dev.rtcsuite.recording.domain.callback;

import java.time.Instant;
import java.util.Optional;

/**
 * One callback event and its delivery (SPEC C-6).
 *
 * @param generation 0, raised by each manual redelivery
 * @param lastHttpStatus 0 when no answer was received
 */
public record CallbackDelivery(
        String deliveryId,
        String eventId,
        long sdkAppId,
        CallbackEventType eventType,
        String taskId,
        String fileId,
        String url,
        State state,
        int generation,
        int attemptCount,
        Optional<Instant> lastAttemptTime,
        int lastHttpStatus,
        String lastError,
        String payloadJson,
        Instant createTime,
        Optional<Instant> deliverTime) {

    public enum State {
        PENDING,
        RETRYING,
        DELIVERED,
        DEAD_LETTER
    }

    /** The key of its delivery job: one job per generation. */
    public String jobKey() {
        return deliveryId + ":" + generation;
    }
}
