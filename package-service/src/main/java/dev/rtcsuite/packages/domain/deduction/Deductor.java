package dev.rtcsuite.packages.domain.deduction;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deducts one interval of base-service usage (SPEC P-4): package minutes = usage minutes × ratio,
 * across the packages that deduct for the usage's billing day in burn-down order; the rest is
 * postpaid at the given per-minute price.
 */
public final class Deductor {

    private Deductor() {}

    /**
     * @param changedPackages the packages that gave minutes, as they are now: to be stored with the
     *     deduction, atomically
     * @param replayed true when the key was deducted before: nothing changed, nothing to store
     */
    public record Outcome(
            Deduction deduction, List<PrepaidPackage> changedPackages, boolean replayed) {

        public Outcome {
            changedPackages = List.copyOf(changedPackages);
        }
    }

    /**
     * @param recorded the INTERVAL deduction already recorded for {@code usage.key()}, if any:
     *     repeating it returns it unchanged; the same key with other minutes is refused with
     *     DEDUCTION_CONFLICT
     */
    public static Outcome deduct(
            UUID accountId,
            IntervalUsage usage,
            Optional<Deduction> recorded,
            AccountPackages packages,
            Instant now) {
        if (recorded.isPresent()) {
            return replay(recorded.get(), usage);
        }
        UsageKey key = usage.key();
        BurnDown.Result result =
                BurnDown.apply(
                        UsageMinutes.of(usage.usageMinutes()),
                        key.tier(),
                        packages.deductingFor(key.billingDay(), now));
        Deduction deduction =
                new Deduction(
                        DeductionIds.next(now),
                        accountId,
                        key,
                        DeductionKind.INTERVAL,
                        usage.usageMinutes(),
                        result.draws().stream().map(BurnDown.Draw::deduction).toList(),
                        result.uncovered(),
                        result.uncovered().priceAt(usage.unitPrice()),
                        usage.unitPrice(),
                        now);
        return new Outcome(
                deduction, result.draws().stream().map(BurnDown.Draw::after).toList(), false);
    }

    private static Outcome replay(Deduction recorded, IntervalUsage usage) {
        if (!recorded.key().equals(usage.key()) || recorded.kind() != DeductionKind.INTERVAL) {
            throw new IllegalArgumentException(
                    "Recorded deduction " + recorded.deductionId() + " is not for " + usage.key());
        }
        if (recorded.usageMinutes() != usage.usageMinutes()) {
            UsageKey key = usage.key();
            throw PackageErrors.deductionConflict(
                    key.sdkAppId(),
                    key.billingDay(),
                    key.tier(),
                    key.intervalIndex(),
                    recorded.usageMinutes());
        }
        return new Outcome(recorded, List.of(), true);
    }
}
