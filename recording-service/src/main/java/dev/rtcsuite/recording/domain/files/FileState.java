package dev.rtcsuite.recording.domain.files;

/** Availability of a file in the media index (SPEC C-5). */
public enum FileState {
    /** Stored and playable. */
    AVAILABLE,
    /** The transfer to storage failed and is retried; kept, not yet playable. */
    UPLOAD_RETRYING,
    /** Deleted (by a caller, retention or reclaim); the index entry is kept. */
    DELETED
}
