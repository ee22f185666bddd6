package dev.rtcsuite.packages.domain.prepaid;

import dev.rtcsuite.packages.domain.money.Money;
import java.util.Optional;

/**
 * The price of a package before buying it (SPEC P-3).
 *
 * @param price what the buyer pays
 * @param pricePerThousandMinutes the displayed unit price, rounded up to 3 decimals
 * @param perMinutePrice the charged unit price, 8 decimals
 * @param listPrice the same minutes at the list price of 7.00 per 1,000, to show the discount
 * @param fixedSize present when a fixed size is quoted
 */
public record PackageQuote(
        long minutes,
        Money price,
        Money pricePerThousandMinutes,
        Money perMinutePrice,
        Money listPrice,
        Optional<FixedPackageSize> fixedSize) {}
