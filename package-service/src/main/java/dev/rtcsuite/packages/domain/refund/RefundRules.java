package dev.rtcsuite.packages.domain.refund;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.prepaid.RefundHold;
import dev.rtcsuite.packages.domain.standing.ServiceStanding;
import dev.rtcsuite.platform.error.ServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a package may be refunded without reason (SPEC P-7): a package the account bought (general,
 * or an offer that says so; never the trial, gifts or conversions), none of it used, less than 5
 * days after purchase, on an account not suspended for a content violation.
 */
public final class RefundRules {

    /** Bought 2022-02-01 08:00:00: refundable until 2022-02-06 07:59:59, not at 08:00:00. */
    public static final Duration WINDOW = Duration.ofDays(5);

    private RefundRules() {}

    /** The exclusive end of the refund window; empty for packages that are never refundable. */
    public static Optional<Instant> deadline(PrepaidPackage candidate) {
        return candidate.terms().refundable()
                ? Optional.of(candidate.purchaseTime().plus(WINDOW))
                : Optional.empty();
    }

    /** Whether a refund request would be accepted at {@code now}. */
    public static boolean isRefundable(
            PrepaidPackage candidate, ServiceStanding owner, Instant now) {
        return candidate.refundHold() instanceof RefundHold.None
                && failure(candidate, owner, now).isEmpty();
    }

    /**
     * Throws the first condition that fails as of {@code asOf}: the account's standing, the kind,
     * the window, the use.
     */
    static void requireEligible(PrepaidPackage candidate, ServiceStanding owner, Instant asOf) {
        Optional<ServiceException> refusal = failure(candidate, owner, asOf);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    private static Optional<ServiceException> failure(
            PrepaidPackage candidate, ServiceStanding owner, Instant asOf) {
        if (owner.isReclaimed()) {
            return Optional.of(PackageErrors.accountReclaimed(owner.accountId()));
        }
        if (owner.isSuspendedForViolation()) {
            return Optional.of(PackageErrors.accountSuspendedForViolation(owner.accountId()));
        }
        if (candidate.refundHold() instanceof RefundHold.Refunded) {
            return Optional.of(
                    PackageErrors.packageNotRefundable(
                            candidate.packageId(), candidate.kind(), "it was refunded already"));
        }
        Optional<Instant> deadline = deadline(candidate);
        if (deadline.isEmpty()) {
            return Optional.of(
                    PackageErrors.packageNotRefundable(
                            candidate.packageId(),
                            candidate.kind(),
                            "only packages bought as refundable are"));
        }
        if (!asOf.isBefore(deadline.get())) {
            return Optional.of(
                    PackageErrors.refundWindowExpired(candidate.packageId(), deadline.get()));
        }
        if (candidate.usedMinutes() > 0) {
            return Optional.of(
                    PackageErrors.packageAlreadyUsed(
                            candidate.packageId(), candidate.usedMinutes()));
        }
        return Optional.empty();
    }
}
