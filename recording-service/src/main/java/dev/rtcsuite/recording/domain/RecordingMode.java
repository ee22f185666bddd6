package dev.rtcsuite.recording.domain;

/** How recording tasks start (SPEC C-2). */
public enum RecordingMode {
    /** Every published anchor stream is recorded automatically. */
    GLOBAL_AUTO,
    /** Only streams marked with a userDefineRecordId, or mixes asked for through the API. */
    SPECIFIED_USERS
}
