package dev.rtcsuite.recording.domain.task;

import java.time.Instant;
import java.util.List;

/**
 * A durable timer a task needs in its current state (SPEC C-3).
 *
 * @param key unique per task and occasion, so a timer of an earlier occasion never fires twice
 */
public record TaskTimer(Kind kind, String key, Instant due) {

    public enum Kind {
        /** PENDING too long: FAILED START_TIMEOUT. */
        START_TIMEOUT,
        /** The file being written reaches the max duration. */
        FILE_SPLIT,
        /** The resume wait of an interruption runs out. */
        RESUME_EXPIRY,
        /** The transfer of the files to storage is due to be finished. */
        TRANSFER
    }

    /** The timers a task needs now; none once it has ended. */
    public static List<TaskTimer> of(RecordingTask task, TaskPolicy policy) {
        String id = task.id();
        return switch (task.state()) {
            case PENDING ->
                    List.of(
                            new TaskTimer(
                                    Kind.START_TIMEOUT,
                                    id,
                                    task.spec().createTime().plus(policy.startTimeout())));
            case RECORDING ->
                    task.nextSplitTime()
                            .map(
                                    due ->
                                            List.of(
                                                    new TaskTimer(
                                                            Kind.FILE_SPLIT,
                                                            id + ":" + task.fileSequence(),
                                                            due)))
                            .orElse(List.of());
            case INTERRUPTED ->
                    List.of(
                            new TaskTimer(
                                    Kind.RESUME_EXPIRY,
                                    id + ":" + task.interruptions(),
                                    task.resumeDeadline().orElseThrow()));
            case FINALIZING ->
                    List.of(
                            new TaskTimer(
                                    Kind.TRANSFER,
                                    id + ":0",
                                    task.stopTime().orElseThrow().plus(policy.transferDelay())));
            case COMPLETED, FAILED -> List.of();
        };
    }

    /** The number after the task id in the key (file sequence, interruption, transfer check). */
    public static int occasion(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
    }

    public static String taskId(String key) {
        int colon = key.lastIndexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }
}
