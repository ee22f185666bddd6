package dev.rtcsuite.packages.domain.deduction;

import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One 5-minute interval of one app's base-service usage in one tier: the idempotency key of a
 * deduction (SPEC P-4). The item is always base service, the only item packages deduct, so it is
 * implied rather than stored.
 *
 * @param intervalIndex 0–299: 0 is 00:00:00–00:04:59; a day has 288, up to 300 on a daylight-saving
 *     fall-back day
 */
public record UsageKey(
        long sdkAppId, LocalDate billingDay, ResolutionTier tier, int intervalIndex) {

    public static final int MAX_INTERVAL_INDEX = 299;

    /** Chronological within a day, then by app and tier: the order catch-up deductions take. */
    public static final Comparator<UsageKey> CHRONOLOGICAL =
            Comparator.comparing(UsageKey::billingDay)
                    .thenComparingInt(UsageKey::intervalIndex)
                    .thenComparingLong(UsageKey::sdkAppId)
                    .thenComparing(UsageKey::tier);

    public UsageKey {
        Objects.requireNonNull(billingDay, "billingDay");
        Objects.requireNonNull(tier, "tier");
    }
}
