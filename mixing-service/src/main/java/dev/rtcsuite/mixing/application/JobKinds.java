package dev.rtcsuite.mixing.application;

import java.nio.charset.StandardCharsets;

/** The durable job kinds of mixing-service (platform durable jobs). */
final class JobKinds {

    /**
     * Closes a session's usage period after 60 s and checks the app's standing; key session:seq.
     */
    static final String USAGE_TICK = "mixing.usage-tick";

    /** Hands one usage period to rating-service; key session:seq. */
    static final String USAGE_REPORT = "mixing.usage-report";

    /** Delivers a session's recording commands in order; key session. */
    static final String RECORDING_COMMANDS = "mixing.recording-commands";

    /** Removes an ended session after the retention; key session. */
    static final String PURGE = "mixing.session-purge";

    static final byte[] NO_PAYLOAD = new byte[0];

    private JobKinds() {}

    static String periodKey(String sessionId, long seq) {
        return sessionId + ":" + seq;
    }

    static String sessionOf(String periodKey) {
        return periodKey.substring(0, periodKey.lastIndexOf(':'));
    }

    static long seqOf(String periodKey) {
        return Long.parseLong(periodKey.substring(periodKey.lastIndexOf(':') + 1));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
