package dev.rtcsuite.packages.domain.deduction;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.platform.error.FieldChecks;

/**
 * What rating-service reports after each interval (SPEC P-4): the billable usage minutes of one
 * {@link UsageKey} (whole minutes, its delta of cumulative billable minutes) and the per-minute
 * price that prices whatever packages cannot cover.
 */
public record IntervalUsage(UsageKey key, long usageMinutes, Money unitPrice) {

    public IntervalUsage {
        new FieldChecks()
                .check(
                        key.intervalIndex() >= 0
                                && key.intervalIndex() <= UsageKey.MAX_INTERVAL_INDEX,
                        "interval_index",
                        "must be 0–" + UsageKey.MAX_INTERVAL_INDEX + ", was " + key.intervalIndex())
                .check(usageMinutes >= 0, "usage_minutes", "must be 0 or more, was " + usageMinutes)
                .check(
                        !unitPrice.isNegative() && unitPrice.amount().scale() <= Money.EXACT_SCALE,
                        "unit_price",
                        "must be ≥ 0 with at most 8 decimals, was " + unitPrice)
                .throwIfInvalid();
    }
}
