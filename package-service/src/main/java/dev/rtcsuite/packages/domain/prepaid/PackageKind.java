package dev.rtcsuite.packages.domain.prepaid;

/** How a package came to be (SPEC P-2, P-3). */
public enum PackageKind {
    /** The one free trial, granted with the account's first app. */
    FREE_TRIAL,
    /** A fixed-size or custom-size general package bought by the account. */
    GENERAL,
    /** A package bought under an operator's offer. */
    OFFER,
    /** Granted by an operator for free. */
    GIFT,
    /** Converted from a legacy voice/SD/HD package by an operator. */
    CONVERTED;

    public DeductionRatios ratios() {
        return this == FREE_TRIAL ? DeductionRatios.TRIAL : DeductionRatios.GENERAL;
    }

    /** Bought by the account, as opposed to granted: what offers and auto-postpaid look at. */
    public boolean isPurchase() {
        return this == GENERAL || this == OFFER;
    }
}
