package dev.rtcsuite.rating.domain.accumulation;

/** What recording a usage record did to a ledger. */
public enum RecordOutcome {
    /** First time the record's key was seen: its usage counts. */
    COUNTED,
    /** The key was seen before: ignored, the first copy wins. */
    DUPLICATE
}
