package dev.rtcsuite.rating.domain;

/** What a bill quantity counts, and so what a unit price is per (SPEC ). */
public enum QuantityUnit {
    /** Billable minutes of time-measured items. */
    MINUTES,
    /** Peak concurrent channels × file formats for one month (legacy recording). */
    CHANNEL_MONTHS,
    /** GB (10^9 bytes) × days × file formats (storage). */
    GB_DAYS,
    /** GB, 10^9 bytes (playback traffic). */
    GB
}
