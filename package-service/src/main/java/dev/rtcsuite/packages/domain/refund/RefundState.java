package dev.rtcsuite.packages.domain.refund;

/** Review state of a refund (SPEC P-7). */
public enum RefundState {
    PENDING_REVIEW,
    /** Money returned to its funds; the package is over. */
    APPROVED,
    /** The package deducts again. */
    REJECTED
}
