package dev.rtcsuite.recording.domain.task;

/**
 * SPEC C-3: PENDING → RECORDING ⇄ INTERRUPTED → FINALIZING → COMPLETED, or FAILED from any state
 * that has not ended.
 */
public enum TaskState {
    PENDING,
    RECORDING,
    INTERRUPTED,
    FINALIZING,
    COMPLETED,
    FAILED;

    public boolean ended() {
        return this == COMPLETED || this == FAILED;
    }

    /** Whether the recorder may still be writing media. */
    public boolean live() {
        return this == PENDING || this == RECORDING || this == INTERRUPTED;
    }
}
