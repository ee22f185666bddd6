package dev.rtcsuite.packages.domain.refund;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working-day arithmetic for review deadlines: Monday to Friday in the account's zone. Public
 * holidays are not known to the suite and count as working days.
 */
final class WorkingDays {

    private WorkingDays() {}

    /** The same local time {@code days} working days later: Friday 10:00 + 2 is Tuesday 10:00. */
    static Instant after(Instant start, int days, ZoneId zone) {
        ZonedDateTime time = start.atZone(zone);
        int counted = 0;
        while (counted < days) {
            time = time.plusDays(1);
            if (time.getDayOfWeek() != DayOfWeek.SATURDAY
                    && time.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return time.toInstant();
    }
}
