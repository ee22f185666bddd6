package dev.rtcsuite.packages.domain.standing;

/** What a notice to the account holder is about (SPEC P-6). */
public enum AccountNoticeKind {
    /** A settlement left the balance negative: the 24-hour grace started. */
    ARREARS,
    /** Grace over: suspended; reclaimed after 60 days. */
    SUSPENDED_ARREARS,
    SUSPENDED_VIOLATION,
    /** Packages ran out under the trial's stop policy, without postpaid. */
    SERVICE_STOPPED,
    /** Packages ran out and postpaid was switched on automatically. */
    POSTPAID_ENABLED,
    /** Back in service (arrears cleared, package available, postpaid switched on). */
    SERVICE_RESTORED,
    RECLAIMED
}
