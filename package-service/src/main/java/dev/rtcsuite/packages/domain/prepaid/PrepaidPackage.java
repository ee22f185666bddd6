package dev.rtcsuite.packages.domain.prepaid;

import dev.rtcsuite.packages.domain.money.PaymentBreakdown;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * A prepaid package of an account (SPEC P-2, P-3): {@link PackageTerms terms} plus where it stands.
 * Immutable; every change returns a new package.
 *
 * @param activationTime when it may start deducting: purchase + activation delay for purchases, the
 *     grant instant for grants
 * @param activated whether it has been activated (purchases take over the purchase day's overflow
 *     at that moment, see {@code ActivationCatchUp})
 * @param note the operator's note on grants; empty otherwise
 */
public record PrepaidPackage(
        UUID packageId,
        UUID accountId,
        PackageTerms terms,
        PaymentBreakdown payment,
        Instant purchaseTime,
        Instant activationTime,
        Validity validity,
        long remainingMinutes,
        boolean activated,
        RefundHold refundHold,
        String note) {

    /**
     * Which package deducts first (SPEC P-3): the one that expires first, then the one bought
     * first; the id breaks remaining ties so that the order is total and repeatable.
     */
    public static final Comparator<PrepaidPackage> BURN_DOWN_ORDER =
            Comparator.comparing((PrepaidPackage p) -> p.validity().expireTime())
                    .thenComparing(PrepaidPackage::purchaseTime)
                    .thenComparing(PrepaidPackage::packageId);

    public PrepaidPackage {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(refundHold, "refundHold");
        if (remainingMinutes < 0 || remainingMinutes > terms.minutes()) {
            throw new IllegalArgumentException(
                    "Remaining minutes must be 0–" + terms.minutes() + ", was " + remainingMinutes);
        }
    }

    /** A bought package: pending until {@code purchaseTime + activationDelay}. */
    public static PrepaidPackage purchased(
            UUID accountId,
            PackageTerms terms,
            PaymentBreakdown payment,
            Instant purchaseTime,
            Duration activationDelay,
            Validity validity) {
        return new PrepaidPackage(
                UUID.randomUUID(),
                accountId,
                terms,
                payment,
                purchaseTime,
                purchaseTime.plus(activationDelay),
                validity,
                terms.minutes(),
                false,
                RefundHold.NONE,
                "");
    }

    /** A free package, deducting at once. */
    public static PrepaidPackage granted(
            UUID accountId, PackageTerms terms, Instant grantTime, Validity validity, String note) {
        return new PrepaidPackage(
                UUID.randomUUID(),
                accountId,
                terms,
                PaymentBreakdown.free(),
                grantTime,
                grantTime,
                validity,
                terms.minutes(),
                true,
                RefundHold.NONE,
                note);
    }

    public PackageKind kind() {
        return terms.kind();
    }

    public long totalMinutes() {
        return terms.minutes();
    }

    public long usedMinutes() {
        return terms.minutes() - remainingMinutes;
    }

    /** Package minutes that one usage minute of {@code tier} consumes from this package. */
    public int ratio(ResolutionTier tier) {
        return terms.kind().ratios().packageMinutesPer(tier);
    }

    public PackageState state(Instant now) {
        return switch (refundHold) {
            case RefundHold.Refunded refunded -> PackageState.REFUNDED;
            case RefundHold.Pending pending -> PackageState.REFUND_PENDING;
            case RefundHold.None none -> {
                if (validity.isExpiredAt(now)) {
                    yield PackageState.EXPIRED;
                } else if (!activated) {
                    yield PackageState.PENDING_ACTIVATION;
                } else if (remainingMinutes == 0) {
                    yield PackageState.EXHAUSTED;
                }
                yield PackageState.ACTIVE;
            }
        };
    }

    /**
     * Whether this package may take usage of {@code billingDay} at {@code now}: it is active and
     * the day lies within its validity, so it never covers days before its purchase day (SPEC P-3).
     */
    public boolean deductsFor(LocalDate billingDay, Instant now) {
        return state(now) == PackageState.ACTIVE && validity.covers(billingDay);
    }

    /** Whether it will or may deduct: active, or bought and waiting for activation. */
    public boolean isUsableOrPending(Instant now) {
        PackageState state = state(now);
        return state == PackageState.ACTIVE || state == PackageState.PENDING_ACTIVATION;
    }

    /** Pending activation, its delay over, and no refund holding it back. */
    public boolean isDueForActivation(Instant now) {
        return state(now) == PackageState.PENDING_ACTIVATION && !now.isBefore(activationTime);
    }

    public PrepaidPackage activate(Instant now) {
        if (!isDueForActivation(now)) {
            throw new IllegalStateException(
                    "Package " + packageId + " is not due for activation at " + now);
        }
        return with(remainingMinutes, true, refundHold);
    }

    /** Takes {@code packageMinutes} away; a package never goes below zero (SPEC P-4). */
    public PrepaidPackage consume(long packageMinutes) {
        if (packageMinutes <= 0 || packageMinutes > remainingMinutes) {
            throw new IllegalArgumentException(
                    "Cannot take "
                            + packageMinutes
                            + " minutes from package "
                            + packageId
                            + " with "
                            + remainingMinutes
                            + " left");
        }
        return with(remainingMinutes - packageMinutes, activated, refundHold);
    }

    public PrepaidPackage withRefundHold(RefundHold hold) {
        return with(remainingMinutes, activated, hold);
    }

    private PrepaidPackage with(long remaining, boolean isActivated, RefundHold hold) {
        return new PrepaidPackage(
                packageId,
                accountId,
                terms,
                payment,
                purchaseTime,
                activationTime,
                validity,
                remaining,
                isActivated,
                hold,
                note);
    }
}
