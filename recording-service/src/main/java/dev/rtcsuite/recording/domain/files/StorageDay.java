package dev.rtcsuite.recording.domain.files;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One billing day of an app's stored files (SPEC R-7, C-7): storage is GB × days, each file's bytes
 * counted for the share of the day it was kept (pro rata to the time), every format's file on its
 * own. A 0.45 GB file kept the whole day is 0.45 GB-days; kept six hours of it, 0.1125.
 *
 * @param zone the account's billing time zone: the day may last 23 or 25 hours
 */
public record StorageDay(LocalDate day, ZoneId zone) {

    public Instant start() {
        return day.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public Duration length() {
        return Duration.between(start(), end());
    }

    /**
     * The bytes kept on average over the day, from the sum of every file's bytes × the seconds it
     * was kept that day, rounded half up to a byte: GB-days × 10^9, what rating-service is sent.
     */
    public long averageBytes(BigDecimal byteSeconds) {
        return byteSeconds
                .divide(BigDecimal.valueOf(length().toSeconds()), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
