package dev.rtcsuite.rating.domain.time;

import java.time.LocalDate;

/** The seconds of a span that fall into one 5-minute interval of one billing day. */
public record CalendarSlice(LocalDate billingDay, int intervalIndex, long seconds) {}
