package dev.rtcsuite.packages.domain.prepaid;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.platform.error.ServiceException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Prices of general packages (SPEC P-3). A custom size falls in the band of the largest fixed size
 * it reaches and is charged that package's per-minute price (fixed price ÷ its minutes, kept to 8
 * decimals); below the smallest fixed size it is charged the list price of 7.000 per 1,000.
 */
public final class GeneralPackagePricing {

    public static final long MIN_CUSTOM_MINUTES = 1;
    public static final long MAX_CUSTOM_MINUTES = 100_000_000;

    /** The list price per 1,000 minutes, also what postpaid base service costs at list. */
    public static final Money LIST_PRICE_PER_THOUSAND_MINUTES = Money.cny("7.00");

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final int DISPLAY_SCALE = 3;

    private GeneralPackagePricing() {}

    public static PackageQuote quote(FixedPackageSize size) {
        return new PackageQuote(
                size.minutes(),
                size.price(),
                pricePerThousand(size.price(), size.minutes()),
                perMinutePrice(size.price(), size.minutes()),
                listPriceOf(size.minutes()),
                Optional.of(size));
    }

    /** A custom size of {@code minutes} package minutes (X = minutes ÷ 1,000 selects the band). */
    public static PackageQuote quoteCustom(long minutes) {
        if (minutes < MIN_CUSTOM_MINUTES || minutes > MAX_CUSTOM_MINUTES) {
            throw ServiceException.invalid(
                    "custom_minutes",
                    "must be "
                            + MIN_CUSTOM_MINUTES
                            + "–"
                            + MAX_CUSTOM_MINUTES
                            + " minutes, was "
                            + minutes);
        }
        Optional<FixedPackageSize> band = bandOf(minutes);
        Money bandPrice = band.map(FixedPackageSize::price).orElse(LIST_PRICE_PER_THOUSAND_MINUTES);
        long bandMinutes = band.map(FixedPackageSize::minutes).orElse(THOUSAND.longValue());
        Money perMinute = perMinutePrice(bandPrice, bandMinutes);
        return new PackageQuote(
                minutes,
                perMinute.times(minutes).roundedToCents(),
                pricePerThousand(bandPrice, bandMinutes),
                perMinute,
                listPriceOf(minutes),
                Optional.empty());
    }

    /** The largest fixed size that {@code minutes} reaches; empty below 25,000. */
    static Optional<FixedPackageSize> bandOf(long minutes) {
        Optional<FixedPackageSize> band = Optional.empty();
        for (FixedPackageSize size : FixedPackageSize.values()) {
            if (minutes >= size.minutes()) {
                band = Optional.of(size);
            }
        }
        return band;
    }

    /** {@code price ÷ minutes}, half-up to 8 decimals: the unit actually charged. */
    public static Money perMinutePrice(Money price, long minutes) {
        return Money.of(
                price.amount()
                        .divide(
                                BigDecimal.valueOf(minutes),
                                Money.EXACT_SCALE,
                                RoundingMode.HALF_UP),
                price.currency());
    }

    /** {@code price × 1,000 ÷ minutes}, rounded up to 3 decimals: the unit displayed. */
    public static Money pricePerThousand(Money price, long minutes) {
        return Money.of(
                price.amount()
                        .multiply(THOUSAND)
                        .divide(BigDecimal.valueOf(minutes), DISPLAY_SCALE, RoundingMode.UP),
                price.currency());
    }

    public static Money listPriceOf(long minutes) {
        return perMinutePrice(LIST_PRICE_PER_THOUSAND_MINUTES, THOUSAND.longValue())
                .times(minutes)
                .roundedToCents();
    }
}
