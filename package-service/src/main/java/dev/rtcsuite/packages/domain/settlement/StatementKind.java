package dev.rtcsuite.packages.domain.settlement;

/** The period a statement covers. */
public enum StatementKind {
    DAILY,
    /** Billing days of one month (or the leftover days of a month after a switch to DAILY). */
    MONTHLY
}
