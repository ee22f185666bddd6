package dev.rtcsuite.packages.domain.prepaid;

/** Lifecycle of a package as seen at one instant; see {@link PrepaidPackage#state}. */
public enum PackageState {
    /** Bought, not activated yet: does not deduct. */
    PENDING_ACTIVATION,
    /** Deducting. */
    ACTIVE,
    /** A refund is under review: does not deduct; back to deducting if rejected. */
    REFUND_PENDING,
    /** No minutes left. */
    EXHAUSTED,
    /** Past its validity; unused minutes forfeited. */
    EXPIRED,
    /** Refunded: never deducts again. */
    REFUNDED
}
