package dev.rtcsuite.recording.domain.usage;

import dev.rtcsuite.recording.domain.task.TaskKind;
import java.time.Instant;

/**
 * Input time of one stream of a task, [start, start + seconds), reported to rating-service once
 * under its idempotency key (SPEC C-7).
 *
 * @param seq the task's running number of segments
 * @param formatCount the task's file formats: each is charged on its own
 */
public record UsageSegment(
        String taskId,
        long sdkAppId,
        long seq,
        TaskKind kind,
        MeterInput input,
        int formatCount,
        Instant start,
        long seconds) {

    /** Rating-service counts a record with this key once. */
    public String idempotencyKey() {
        return "recording:" + taskId + ":" + seq;
    }

    /** Seconds charged: the input time once per format. */
    public long billableSeconds() {
        return seconds * formatCount;
    }
}
