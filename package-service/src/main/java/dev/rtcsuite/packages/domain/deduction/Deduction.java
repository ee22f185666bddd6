package dev.rtcsuite.packages.domain.deduction;

import dev.rtcsuite.packages.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One application of usage to an account's packages (SPEC P-4), immutable once recorded.
 *
 * @param usageMinutes the interval's usage minutes (INTERVAL); 0 for ACTIVATION_CATCH_UP
 * @param packageDeductions per package, in burn-down order
 * @param postpaidUsageMinutes usage left to postpaid; negative for a catch-up, which takes overflow
 *     back from postpaid
 * @param postpaidAmount postpaidUsageMinutes × unitPrice, exact to 8 decimals
 */
public record Deduction(
        UUID deductionId,
        UUID accountId,
        UsageKey key,
        DeductionKind kind,
        long usageMinutes,
        List<PackageDeduction> packageDeductions,
        UsageMinutes postpaidUsageMinutes,
        Money postpaidAmount,
        Money unitPrice,
        Instant createTime) {

    public Deduction {
        packageDeductions = List.copyOf(packageDeductions);
    }

    /** Usage minutes that packages covered. */
    public UsageMinutes coveredUsageMinutes() {
        return packageDeductions.stream()
                .map(PackageDeduction::usageMinutes)
                .reduce(UsageMinutes.ZERO, UsageMinutes::plus);
    }

    /** Package minutes taken from all packages. */
    public long packageMinutes() {
        return packageDeductions.stream().mapToLong(PackageDeduction::packageMinutes).sum();
    }
}
