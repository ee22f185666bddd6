package dev.rtcsuite.packages.domain.settlement;

/** How an account's postpaid charges are settled (SPEC P-5). */
public enum SettlementCycle {
    /** Each billing day the next day: the default. */
    DAILY,
    /** The month on the 1st of the next month; daily statements are still produced. */
    MONTHLY
}
