package dev.rtcsuite.mixing.domain.session;

/** Lifecycle of a mix session: STARTING → ACTIVE → ENDED, or STARTING → ENDED. */
public enum SessionState {
    /** Accepted; waiting for an MCU worker to start mixing. */
    STARTING,
    /** Mixing. */
    ACTIVE,
    /** Ended, with its reason; terminal. */
    ENDED
}
