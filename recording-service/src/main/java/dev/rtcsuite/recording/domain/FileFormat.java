package dev.rtcsuite.recording.domain;

/** Recorded file formats (SPEC C-1); each is a file of its own and charged on its own. */
public enum FileFormat {
    HLS,
    MP4,
    FLV,
    /** Audio only. */
    AAC
}
