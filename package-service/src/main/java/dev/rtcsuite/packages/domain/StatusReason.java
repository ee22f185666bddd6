package dev.rtcsuite.packages.domain;

/**
 * Why an app or account is, or is not, in service (SPEC P-6), most severe first: when several
 * apply, the earliest in this order is the one reported.
 */
public enum StatusReason {
    RECLAIMED,
    SUSPENDED_VIOLATION,
    SUSPENDED_ARREARS,
    TRIAL_EXHAUSTED,
    /** App level only: the app is disabled by hand. */
    APP_DISABLED,
    /** In arrears inside the 24-hour grace: still in service. */
    ARREARS_GRACE,
    NONE;

    /** The more severe of the two. */
    public StatusReason worst(StatusReason other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
