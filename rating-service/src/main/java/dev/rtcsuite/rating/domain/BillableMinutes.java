package dev.rtcsuite.rating.domain;

/** Seconds to billable minutes (SPEC R-2): a started minute is a minute. */
public final class BillableMinutes {

    private BillableMinutes() {}

    /** {@code ceil(seconds / 60)}. */
    public static long ofSeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must be ≥ 0, was " + seconds);
        }
        return Math.ceilDiv(seconds, 60L);
    }
}
