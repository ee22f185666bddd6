package dev.rtcsuite.platform.grpc;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import java.time.Instant;
import java.time.LocalDate;

/** java.time ↔ google.protobuf for the mappers of every service. */
public final class ProtoTime {

    private ProtoTime() {}

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /** What {@link #isValid} admits, for error messages. */
    public static final String VALID_RANGE =
            "must be a time from 0001-01-01 to 9999-12-31 with nanos 0–999,999,999";

    private static final long MIN_SECONDS = -62_135_596_800L; // 0001-01-01T00:00:00Z
    private static final long MAX_SECONDS = 253_402_300_799L; // 9999-12-31T23:59:59Z

    /** A Timestamp as protobuf defines it: years 1–9999, nanos normalised (0–999,999,999). */
    public static boolean isValid(Timestamp timestamp) {
        return timestamp.getSeconds() >= MIN_SECONDS
                && timestamp.getSeconds() <= MAX_SECONDS
                && timestamp.getNanos() >= 0
                && timestamp.getNanos() <= 999_999_999;
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    public static Date date(LocalDate date) {
        return Date.newBuilder()
                .setYear(date.getYear())
                .setMonth(date.getMonthValue())
                .setDay(date.getDayOfMonth())
                .build();
    }

    /** The calendar date, or empty when year, month or day do not make one. */
    public static java.util.Optional<LocalDate> localDate(Date date) {
        try {
            return java.util.Optional.of(
                    LocalDate.of(date.getYear(), date.getMonth(), date.getDay()));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }
}
