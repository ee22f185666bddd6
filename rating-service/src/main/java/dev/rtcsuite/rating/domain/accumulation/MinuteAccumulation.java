package dev.rtcsuite.rating.domain.accumulation;

import dev.rtcsuite.rating.domain.BillableMinutes;

/**
 * The running seconds of one (app, billing day, item, tier) and its billable minutes (SPEC R-2).
 * Pure and incremental: {@link #add} takes the seconds of the next 5-minute interval and returns
 * what that interval bills, including the state to continue from.
 */
public record MinuteAccumulation(long cumulativeSeconds) {

    /** The state at the start of a billing day. */
    public static final MinuteAccumulation START_OF_DAY = new MinuteAccumulation(0);

    public MinuteAccumulation {
        if (cumulativeSeconds < 0) {
            throw new IllegalArgumentException(
                    "cumulative seconds must be ≥ 0, was " + cumulativeSeconds);
        }
    }

    /** {@code ceil(cumulative seconds / 60)}. */
    public long cumulativeBillableMinutes() {
        return BillableMinutes.ofSeconds(cumulativeSeconds);
    }

    /** Adds the next interval's seconds; its billed minutes are the growth of the cumulative. */
    public IntervalMinutes add(long intervalSeconds) {
        if (intervalSeconds < 0) {
            throw new IllegalArgumentException(
                    "interval seconds must be ≥ 0, was " + intervalSeconds);
        }
        MinuteAccumulation after = new MinuteAccumulation(cumulativeSeconds + intervalSeconds);
        return new IntervalMinutes(
                intervalSeconds,
                after.cumulativeSeconds,
                after.cumulativeBillableMinutes(),
                after.cumulativeBillableMinutes() - cumulativeBillableMinutes());
    }
}
