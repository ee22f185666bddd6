package dev.rtcsuite.packages.domain.settlement;

/** Whether a statement was charged against the balance. */
public enum StatementState {
    SETTLED,
    /** A daily statement of a MONTHLY account: the monthly statement charges it later. */
    INFORMATIONAL
}
