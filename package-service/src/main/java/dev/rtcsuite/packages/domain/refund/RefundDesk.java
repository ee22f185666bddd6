package dev.rtcsuite.packages.domain.refund;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.money.Funds;
import dev.rtcsuite.packages.domain.money.FundsChange;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.prepaid.RefundHold;
import dev.rtcsuite.packages.domain.standing.ServiceStanding;
import dev.rtcsuite.platform.error.FieldChecks;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * The refund workflow (SPEC P-7): a request holds the package back from deducting; an operator
 * approves it (the conditions are checked again as of the request time, and the money goes back to
 * the funds it came from) or rejects it (the package deducts again).
 */
public final class RefundDesk {

    public static final int REVIEW_WORKING_DAYS = 2;

    private RefundDesk() {}

    public record Requested(Refund refund, PrepaidPackage heldPackage) {}

    /**
     * @param credit the CNY funds with the refund credited back, source by source
     */
    public record Approved(Refund refund, PrepaidPackage refundedPackage, FundsChange credit) {}

    public record Rejected(Refund refund, PrepaidPackage releasedPackage) {}

    public static Requested request(
            PrepaidPackage candidate,
            ServiceStanding owner,
            String reason,
            Instant now,
            ZoneId billingZone) {
        new FieldChecks().length(reason, 0, 512, "reason").throwIfInvalid();
        if (candidate.refundHold() instanceof RefundHold.Pending pending) {
            throw PackageErrors.refundAlreadyPending(candidate.packageId(), pending.refundId());
        }
        RefundRules.requireEligible(candidate, owner, now);
        Refund refund =
                new Refund(
                        UUID.randomUUID(),
                        candidate.accountId(),
                        candidate.packageId(),
                        RefundState.PENDING_REVIEW,
                        reason.strip(),
                        "",
                        candidate.payment().refundable(),
                        now,
                        WorkingDays.after(now, REVIEW_WORKING_DAYS, billingZone),
                        Optional.empty(),
                        "");
        return new Requested(
                refund, candidate.withRefundHold(new RefundHold.Pending(refund.refundId())));
    }

    /**
     * Approves {@code refund}: refused with the failing condition if the package was not eligible
     * at the request time or the account is now suspended for a violation.
     */
    public static Approved approve(
            Refund refund,
            PrepaidPackage held,
            ServiceStanding owner,
            Funds cny,
            String reviewer,
            Instant now) {
        new FieldChecks().length(reviewer, 1, 128, "reviewer").throwIfInvalid();
        requirePending(refund, held);
        RefundRules.requireEligible(
                held.withRefundHold(RefundHold.NONE), owner, refund.requestTime());
        return new Approved(
                refund.decided(RefundState.APPROVED, "", reviewer.strip(), now),
                held.withRefundHold(new RefundHold.Refunded(refund.refundId())),
                cny.creditBack(refund.breakdown()));
    }

    public static Rejected reject(
            Refund refund, PrepaidPackage held, String reviewer, String reason, Instant now) {
        new FieldChecks()
                .length(reviewer, 1, 128, "reviewer")
                .length(reason, 1, 512, "reason")
                .throwIfInvalid();
        requirePending(refund, held);
        return new Rejected(
                refund.decided(RefundState.REJECTED, reason.strip(), reviewer.strip(), now),
                held.withRefundHold(RefundHold.NONE));
    }

    private static void requirePending(Refund refund, PrepaidPackage held) {
        if (refund.state() != RefundState.PENDING_REVIEW) {
            throw PackageErrors.refundAlreadyDecided(refund.refundId(), refund.state());
        }
        if (!held.refundHold().equals(new RefundHold.Pending(refund.refundId()))) {
            throw new IllegalArgumentException(
                    "Package " + held.packageId() + " is not held by refund " + refund.refundId());
        }
    }
}
