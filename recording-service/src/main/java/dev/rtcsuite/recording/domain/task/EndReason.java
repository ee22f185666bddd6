package dev.rtcsuite.recording.domain.task;

/** Why a task ended (SPEC C-3). */
public enum EndReason {
    STREAM_ENDED,
    STOPPED_BY_API,
    ROOM_ENDED,
    START_TIMEOUT,
    STORAGE_UNAVAILABLE,
    /** The account was suspended or reclaimed, or the app stopped or disabled: the task FAILS. */
    SERVICE_STOPPED,
    RECORDING_DISABLED,
    RECORDER_FAILED;

    /**
     * Whether a task stopped for this reason ends FAILED once its files are transferred (they are
     * kept), rather than COMPLETED.
     */
    public boolean failsTask() {
        return this == SERVICE_STOPPED;
    }
}
