package dev.rtcsuite.rating.domain.time;

import dev.rtcsuite.rating.domain.TimeSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Billing days and their 5-minute intervals in an account's billing time zone (SPEC §0, R-2).
 *
 * <p>A billing day runs from local midnight to the next local midnight, so it lasts 23, 24 or 25
 * hours across daylight-saving changes (276, 288 or 300 intervals). Intervals are counted from the
 * day's start; the last one is cut short at the next day's start if the day is not a multiple of 5
 * minutes long.
 */
public record BillingCalendar(ZoneId zone) {

    /** The default billing time zone. */
    public static final BillingCalendar DEFAULT = new BillingCalendar(ZoneId.of("Asia/Shanghai"));

    /** Length of a rating interval. */
    public static final Duration INTERVAL = Duration.ofMinutes(5);

    public BillingCalendar {
        Objects.requireNonNull(zone, "zone");
    }

    public LocalDate billingDay(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public Instant dayStart(LocalDate billingDay) {
        return billingDay.atStartOfDay(zone).toInstant();
    }

    public Instant dayEnd(LocalDate billingDay) {
        return dayStart(billingDay.plusDays(1));
    }

    /** Number of 5-minute intervals of the day. */
    public int intervalCount(LocalDate billingDay) {
        long seconds = Duration.between(dayStart(billingDay), dayEnd(billingDay)).toSeconds();
        return (int) Math.ceilDiv(seconds, INTERVAL.toSeconds());
    }

    public Instant intervalStart(LocalDate billingDay, int intervalIndex) {
        if (intervalIndex < 0 || intervalIndex >= intervalCount(billingDay)) {
            throw new IllegalArgumentException(
                    "interval " + intervalIndex + " is outside billing day " + billingDay);
        }
        return dayStart(billingDay).plus(INTERVAL.multipliedBy(intervalIndex));
    }

    /** The interval of the day that contains the instant. */
    public int intervalIndex(Instant instant) {
        long sinceDayStart =
                instant.getEpochSecond() - dayStart(billingDay(instant)).getEpochSecond();
        return (int) (sinceDayStart / INTERVAL.toSeconds());
    }

    /** Cuts a span at billing-day and interval boundaries; empty spans give no slices. */
    public List<CalendarSlice> slice(TimeSpan span) {
        List<CalendarSlice> slices = new ArrayList<>();
        Instant cursor = span.start();
        while (cursor.isBefore(span.end())) {
            LocalDate day = billingDay(cursor);
            int index = intervalIndex(cursor);
            Instant intervalEnd = dayStart(day).plus(INTERVAL.multipliedBy(index + 1L));
            Instant dayEnd = dayEnd(day);
            Instant pieceEnd = earliest(span.end(), earliest(intervalEnd, dayEnd));
            slices.add(
                    new CalendarSlice(
                            day, index, pieceEnd.getEpochSecond() - cursor.getEpochSecond()));
            cursor = pieceEnd;
        }
        return slices;
    }

    /** The billing days a span touches, in order: the day ledgers its usage record goes to. */
    public List<LocalDate> billingDays(TimeSpan span) {
        return slice(span).stream().map(CalendarSlice::billingDay).distinct().toList();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
