package dev.rtcsuite.packages.domain.prepaid;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The billing days on which a package may deduct, in the account's billing time zone, and the
 * exclusive end instant of that range (00:00 after the last day).
 */
public record Validity(LocalDate firstDay, LocalDate lastDay, Instant expireTime) {

    public Validity {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("Validity ends before it starts");
        }
    }

    /**
     * From the day of {@code start} to the last day of the month {@code months} later: 12 months
     * from 2020-05-01 is through 2021-05-31 (SPEC P-2, P-3).
     */
    public static Validity months(Instant start, ZoneId zone, int months) {
        LocalDate firstDay = LocalDate.ofInstant(start, zone);
        return through(firstDay, YearMonth.from(firstDay).plusMonths(months).atEndOfMonth(), zone);
    }

    /** From {@code firstDay} through {@code lastDay}, end of day. */
    public static Validity through(LocalDate firstDay, LocalDate lastDay, ZoneId zone) {
        return new Validity(firstDay, lastDay, lastDay.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public boolean covers(LocalDate billingDay) {
        return !billingDay.isBefore(firstDay) && !billingDay.isAfter(lastDay);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expireTime);
    }
}
