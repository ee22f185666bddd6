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
