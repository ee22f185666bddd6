package dev.rtcsuite.packages.domain.deduction;

/** Why a deduction was made. */
public enum DeductionKind {
    /** One interval of usage reported by rating-service. */
    INTERVAL,
    /** A newly activated package taking over its purchase day's postpaid overflow (SPEC P-3). */
    ACTIVATION_CATCH_UP
}
