package dev.rtcsuite.packages.domain.refund;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.money.PaymentBreakdown;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A refund request for a bought package (SPEC P-7).
 *
 * @param reason the customer's, optional: no reason is needed
 * @param breakdown what goes back to each fund; the voucher part is always zero
 * @param requestTime the eligibility conditions are judged as of this instant, also on approval
 * @param reviewDeadlineTime request time + 2 working days
 */
public record Refund(
        UUID refundId,
        UUID accountId,
        UUID packageId,
        RefundState state,
        String reason,
        String rejectionReason,
        PaymentBreakdown breakdown,
        Instant requestTime,
        Instant reviewDeadlineTime,
        Optional<Instant> decideTime,
        String reviewer) {

    /** The total returned: cash + income transfer + gift. */
    public Money amount() {
        return breakdown.paidFromFunds();
    }

    Refund decided(RefundState decision, String rejection, String decidedBy, Instant now) {
        return new Refund(
                refundId,
                accountId,
                packageId,
                decision,
                reason,
                rejection,
                breakdown,
                requestTime,
                reviewDeadlineTime,
                Optional.of(now),
                decidedBy);
    }
}
