package dev.rtcsuite.recording.domain.task;

/** One anchor's stream into its own files, or an MCU mix of many anchors into one. */
public enum TaskKind {
    SINGLE_STREAM,
    MIXED
}
