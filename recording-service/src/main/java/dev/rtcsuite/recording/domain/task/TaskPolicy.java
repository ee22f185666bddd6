package dev.rtcsuite.recording.domain.task;

import java.time.Duration;

/**
 * Operator settings of the state machine (SPEC C-3).
 *
 * @param startTimeout how long a task may wait for its first media before it fails
 * @param transferDelay how long the transfer of a stopped task's files to storage takes (30 s–2
 *     min)
 * @param transferChecks how many times a transfer that is not complete is checked again before the
 *     task fails with STORAGE_UNAVAILABLE (its files are kept and retried by the recorder)
 */
public record TaskPolicy(Duration startTimeout, Duration transferDelay, int transferChecks) {

    public static final TaskPolicy DEFAULT =
            new TaskPolicy(Duration.ofSeconds(60), Duration.ofSeconds(60), 10);
}
