package dev.rtcsuite.recording.domain.task;

/** Why a task ended (SPEC C-3). */
public enum EndReason {
    STREAM_ENDED,
    STOPPED_BY_API,
    ROOM_ENDED,
    START_TIMEOUT,
    STORAGE_UNAVAILABLE,
    SERVICE_STOPPED,
    RECORDING_DISABLED,
    RECORDER_FAILED
}
