package dev.rtcsuite.mixing.domain.session;

import java.time.Instant;

/**
 * A report of an MCU worker about a session it executes.
 *
 * @param configVersion the session configuration the worker executes
 * @param outputIndex for output events: index into the outputs of that configuration
 */
public record WorkerEvent(
        String eventId,
        String sessionId,
        long configVersion,
        Kind kind,
        int outputIndex,
        String errorMessage,
        Instant eventTime,
        String workerId) {

    /** What happened. */
    public enum Kind {
        /** The worker started mixing: STARTING → ACTIVE. */
        MIXING_STARTED,
        OUTPUT_STARTED,
        /** An output failed; the session goes on. */
        OUTPUT_FAILED,
        /** The worker cannot continue: the session ends FAILED. */
        SESSION_FAILED
    }
}
