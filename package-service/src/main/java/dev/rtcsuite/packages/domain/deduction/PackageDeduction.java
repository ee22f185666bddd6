package dev.rtcsuite.packages.domain.deduction;

import java.util.UUID;

/**
 * The part of a deduction taken from one package.
 *
 * @param ratio package minutes per usage minute of the deduction's tier, for this package
 * @param packageMinutes package minutes taken, at least 1
 * @param usageMinutes the usage this covers: packageMinutes ÷ ratio, or less when the last partial
 *     package minute was taken whole
 */
public record PackageDeduction(
        UUID packageId,
        int ratio,
        long packageMinutes,
        UsageMinutes usageMinutes,
        long minutesBefore,
        long minutesAfter) {}
