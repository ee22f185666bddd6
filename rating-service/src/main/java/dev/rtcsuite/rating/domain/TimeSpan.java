package dev.rtcsuite.rating.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A half-open span of time {@code [start, end)} in whole seconds.
 *
 * <p>Decision: rating works in whole seconds, as the v1 contract says ("timestamps are truncated to
 * the second"). {@link #between} truncates both ends, so a second counts when its start lies inside
 * the reported interval; truncation is monotone, so cutting an interval into adjacent pieces at any
 * instant never changes the total seconds.
 */
public record TimeSpan(Instant start, Instant end) {

    public TimeSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.getNano() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException(
                    "a time span is in whole seconds; use TimeSpan.between to truncate");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    /**
     * The span of a reported interval, truncated to whole seconds; the reported end must be after
     * the reported start (the truncated span may be empty).
     */
    public static TimeSpan between(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
        return new TimeSpan(
                start.truncatedTo(ChronoUnit.SECONDS), end.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The span {@code [start, start + seconds)} of a reported segment; start is truncated. */
    public static TimeSpan ofSeconds(Instant start, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must be ≥ 0, was " + seconds);
        }
        Instant truncated = start.truncatedTo(ChronoUnit.SECONDS);
        return new TimeSpan(truncated, truncated.plusSeconds(seconds));
    }

    public long seconds() {
        return end.getEpochSecond() - start.getEpochSecond();
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    /** The common part of both spans, empty (at this span's start) when they do not overlap. */
    public TimeSpan intersection(TimeSpan other) {
        Instant from = start.isAfter(other.start) ? start : other.start;
        Instant to = end.isBefore(other.end) ? end : other.end;
        return to.isAfter(from) ? new TimeSpan(from, to) : new TimeSpan(start, start);
    }
}
