package dev.rtcsuite.rating.domain.price;

import dev.rtcsuite.rating.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Per-minute prices from the per-1,000-minute prices of the price table (SPEC R-1). */
public final class PerMinutePrice {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private PerMinutePrice() {}

    /** The per-1,000-minute price / 1000, kept to 8 decimals (half-up beyond that). */
    public static BigDecimal fromPerThousandMinutes(BigDecimal perThousandMinutes) {
        return perThousandMinutes.divide(THOUSAND, Money.EXACT_SCALE, RoundingMode.HALF_UP);
    }

    /** A per-minute price given directly (contract prices), kept to 8 decimals. */
    public static BigDecimal of(BigDecimal perMinute) {
        return perMinute.setScale(Money.EXACT_SCALE, RoundingMode.HALF_UP);
    }
}
