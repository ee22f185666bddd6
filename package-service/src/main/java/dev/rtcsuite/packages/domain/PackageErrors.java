package dev.rtcsuite.packages.domain;

import dev.rtcsuite.platform.error.ServiceException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The business-rule refusals of package-service, with the ErrorInfo reasons and metadata keys that
 * proto/README.md publishes. Enum-valued metadata uses the API's names (e.g. {@code
 * PACKAGE_KIND_GIFT}), since metadata is part of the API.
 */
public final class PackageErrors {

    public static final String ACCOUNT_RECLAIMED = "ACCOUNT_RECLAIMED";
    public static final String ACCOUNT_SUSPENDED_FOR_VIOLATION = "ACCOUNT_SUSPENDED_FOR_VIOLATION";
    public static final String INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";
    public static final String OFFER_NOT_ON_SALE = "OFFER_NOT_ON_SALE";
    public static final String OFFER_NOT_ELIGIBLE = "OFFER_NOT_ELIGIBLE";
    public static final String DEDUCTION_CONFLICT = "DEDUCTION_CONFLICT";
    public static final String BILLING_DAY_NOT_OVER = "BILLING_DAY_NOT_OVER";
    public static final String RECLAIM_NOT_DUE = "RECLAIM_NOT_DUE";
    public static final String REFUND_WINDOW_EXPIRED = "REFUND_WINDOW_EXPIRED";
    public static final String PACKAGE_ALREADY_USED = "PACKAGE_ALREADY_USED";
    public static final String PACKAGE_NOT_REFUNDABLE = "PACKAGE_NOT_REFUNDABLE";
    public static final String REFUND_ALREADY_PENDING = "REFUND_ALREADY_PENDING";
    public static final String REFUND_ALREADY_DECIDED = "REFUND_ALREADY_DECIDED";

    private PackageErrors() {}

    public static ServiceException accountReclaimed(UUID accountId) {
        return ServiceException.failedPrecondition(
                ACCOUNT_RECLAIMED,
                "Account " + accountId + " was reclaimed; nothing about it can change.",
                Map.of("accountId", accountId.toString()));
    }

    public static ServiceException accountSuspendedForViolation(UUID accountId) {
        return ServiceException.failedPrecondition(
                ACCOUNT_SUSPENDED_FOR_VIOLATION,
                "Account "
                        + accountId
                        + " is suspended for a content violation: no purchase or refund is"
                        + " possible.",
                Map.of("accountId", accountId.toString()));
    }

    public static ServiceException insufficientBalance(
            UUID accountId, String required, String available, String currencyCode) {
        return ServiceException.failedPrecondition(
                INSUFFICIENT_BALANCE,
                "Account "
                        + accountId
                        + " needs "
                        + required
                        + " "
                        + currencyCode
                        + " but has "
                        + available
                        + "; top up first.",
                Map.of(
                        "accountId", accountId.toString(),
                        "required", required,
                        "available", available,
                        "currencyCode", currencyCode));
    }

    public static ServiceException offerNotOnSale(UUID offerId, Enum<?> offerState) {
        String state = apiName("OFFER_STATE", offerState);
        return ServiceException.failedPrecondition(
                OFFER_NOT_ON_SALE,
                "Offer " + offerId + " is not on sale now (" + state + ").",
                Map.of("offerId", offerId.toString(), "offerState", state));
    }

    public static ServiceException offerNotEligible(UUID offerId, Enum<?> rule) {
        String ruleName = apiName("OFFER_ELIGIBILITY_RULE", rule);
        return ServiceException.failedPrecondition(
                OFFER_NOT_ELIGIBLE,
                "The account may not buy offer " + offerId + ": it fails " + ruleName + ".",
                Map.of("offerId", offerId.toString(), "rule", ruleName));
    }

    public static ServiceException deductionConflict(
            long sdkAppId,
            LocalDate billingDay,
            Enum<?> tier,
            int intervalIndex,
            long recordedUsageMinutes) {
        return ServiceException.failedPrecondition(
                DEDUCTION_CONFLICT,
                "Interval "
                        + intervalIndex
                        + " of "
                        + billingDay
                        + " for app "
                        + sdkAppId
                        + " was deducted before with "
                        + recordedUsageMinutes
                        + " usage minutes; a deduction cannot be changed.",
                Map.of(
                        "sdkAppId", Long.toString(sdkAppId),
                        "billingDay", billingDay.toString(),
                        "tier", apiName("RESOLUTION_TIER", tier),
                        "intervalIndex", Integer.toString(intervalIndex),
                        "recordedUsageMinutes", Long.toString(recordedUsageMinutes)));
    }

    public static ServiceException billingDayNotOver(UUID accountId, LocalDate billingDay) {
        return ServiceException.failedPrecondition(
                BILLING_DAY_NOT_OVER,
                "Billing day "
                        + billingDay
                        + " of account "
                        + accountId
                        + " has not ended yet in its billing time zone.",
                Map.of("accountId", accountId.toString(), "billingDay", billingDay.toString()));
    }

    /** {@code reclaimTime} is empty when the account is not suspended for arrears at all. */
    public static ServiceException reclaimNotDue(UUID accountId, String reclaimTime) {
        return ServiceException.failedPrecondition(
                RECLAIM_NOT_DUE,
                "Account "
                        + accountId
                        + " can be reclaimed only after 60 days of suspension for arrears"
                        + (reclaimTime.isEmpty() ? "." : ", at " + reclaimTime + "."),
                Map.of("accountId", accountId.toString(), "reclaimTime", reclaimTime));
    }

    public static ServiceException refundWindowExpired(UUID packageId, Instant deadline) {
        return ServiceException.failedPrecondition(
                REFUND_WINDOW_EXPIRED,
                "Package "
                        + packageId
                        + " could be refunded only before "
                        + deadline
                        + " (5 days after purchase).",
                Map.of(
                        "packageId",
                        packageId.toString(),
                        "refundDeadlineTime",
                        deadline.toString()));
    }

    public static ServiceException packageAlreadyUsed(UUID packageId, long usedMinutes) {
        return ServiceException.failedPrecondition(
                PACKAGE_ALREADY_USED,
                "Package "
                        + packageId
                        + " has deducted "
                        + usedMinutes
                        + " minutes; only unused packages can be refunded.",
                Map.of(
                        "packageId",
                        packageId.toString(),
                        "usedMinutes",
                        Long.toString(usedMinutes)));
    }

    public static ServiceException packageNotRefundable(
            UUID packageId, Enum<?> packageKind, String why) {
        String kind = apiName("PACKAGE_KIND", packageKind);
        return ServiceException.failedPrecondition(
                PACKAGE_NOT_REFUNDABLE,
                "Package " + packageId + " cannot be refunded: " + why + ".",
                Map.of("packageId", packageId.toString(), "packageKind", kind));
    }

    public static ServiceException refundAlreadyPending(UUID packageId, UUID refundId) {
        return ServiceException.alreadyExists(
                REFUND_ALREADY_PENDING,
                "Refund " + refundId + " of package " + packageId + " is already under review.",
                Map.of("packageId", packageId.toString(), "refundId", refundId.toString()));
    }

    public static ServiceException refundAlreadyDecided(UUID refundId, Enum<?> refundState) {
        String state = apiName("REFUND_STATE", refundState);
        return ServiceException.failedPrecondition(
                REFUND_ALREADY_DECIDED,
                "Refund " + refundId + " was already decided (" + state + ").",
                Map.of("refundId", refundId.toString(), "refundState", state));
    }

    /** The proto name of a domain enum value: {@code GIFT} of PACKAGE_KIND is PACKAGE_KIND_GIFT. */
    static String apiName(String enumPrefix, Enum<?> value) {
        return enumPrefix + "_" + value.name();
    }
}
