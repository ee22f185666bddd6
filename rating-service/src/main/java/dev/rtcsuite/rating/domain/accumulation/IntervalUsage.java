package dev.rtcsuite.rating.domain.accumulation;

import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.price.PriceQuote;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Billable minutes of one 5-minute interval of one app's day and one charge, priced with the books
 * in force at the interval's start: what package-service deducts for base service (P-4).
 */
public record IntervalUsage(
        ChargeKey key,
        int intervalIndex,
        Instant intervalStart,
        IntervalMinutes minutes,
        PriceQuote price) {

    /** The interval's billable minutes × unit price, exact. */
    public Money amount() {
        return price.unitPrice().times(BigDecimal.valueOf(minutes.billableMinutes()));
    }
}
