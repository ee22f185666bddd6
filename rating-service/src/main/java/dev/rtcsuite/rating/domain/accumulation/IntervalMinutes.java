package dev.rtcsuite.rating.domain.accumulation;

/**
 * One row of the R-2 table: the interval's seconds, the day's cumulative seconds and billable
 * minutes after it, and the minutes the interval bills (the growth of the cumulative, ≥ 0).
 */
public record IntervalMinutes(
        long seconds,
        long cumulativeSeconds,
        long cumulativeBillableMinutes,
        long billableMinutes) {

    /** The state to accumulate the next interval from. */
    public MinuteAccumulation after() {
        return new MinuteAccumulation(cumulativeSeconds);
    }
}
