package dev.rtcsuite.recording.application;

import dev.rtcsuite.recording.domain.task.TaskTimer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The durable job kinds of recording-service (platform durable jobs). */
final class JobKinds {

    /** Hands a task's closed usage segments to rating-service; key task:first-seq. */
    static final String USAGE_REPORT = "recording.usage-report";

    /** Delivers one callback; key delivery id. */
    static final String CALLBACK = "recording.callback";

    /** Deletes files whose retention has run out; key the day. */
    static final String RETENTION_SWEEP = "recording.retention-sweep";

    /** Closes the usage periods of every recording task (a report period); key the slot. */
    static final String USAGE_FLUSH = "recording.usage-flush";

    /** Asks for the storage usage of the billing days that have closed; key the UTC hour. */
    static final String STORAGE_SWEEP = "recording.storage-sweep";

    /** Hands one app's stored bytes of one billing day to rating-service; key app:day. */
    static final String STORAGE_REPORT = "recording.storage-report";

    /** Deletes a reclaimed account's records, a chunk per job; key app:chunk. */
    static final String RECLAIM_PURGE = "recording.reclaim-purge";

    static final byte[] NO_PAYLOAD = new byte[0];

    private JobKinds() {}

    /** The kind of a task timer, e.g. {@code recording.resume-expiry}. */
    static String timer(TaskTimer.Kind kind) {
        return "recording." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
