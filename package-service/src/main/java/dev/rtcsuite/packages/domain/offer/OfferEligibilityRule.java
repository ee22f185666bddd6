package dev.rtcsuite.packages.domain.offer;

/** A condition an account must meet to buy under an offer (SPEC P-3). */
public enum OfferEligibilityRule {
    /** The account has never bought a package (the trial, gifts and conversions do not count). */
    NEW_ACCOUNT,
    /** The account has not bought under this offer before. */
    ONCE_PER_ACCOUNT,
    ENTERPRISE_VERIFIED
}
