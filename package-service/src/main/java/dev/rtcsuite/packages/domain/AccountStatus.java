package dev.rtcsuite.packages.domain;

/** An account's standing (SPEC P-6). */
public enum AccountStatus {
    /** In good standing. */
    ACTIVE,
    /** Negative balance after settlement: still served during the 24-hour grace. */
    ARREARS,
    /** Not served: arrears not cleared in time, or a content violation. */
    SUSPENDED,
    /** Not served: free trial used up or expired under the stop policy, no postpaid. */
    STOPPED,
    /** Suspended for arrears over 60 days: purged, unrecoverable. */
    RECLAIMED;

    /** Whether apps of an account in this status may start new work. */
    public boolean serves() {
        return this == ACTIVE || this == ARREARS;
    }
}
