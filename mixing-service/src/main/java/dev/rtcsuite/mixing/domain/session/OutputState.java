package dev.rtcsuite.mixing.domain.session;

/** State of one output. */
public enum OutputState {
    STARTING,
    ACTIVE,
    /** Failed; the session goes on with its other outputs. */
    FAILED,
    /** Stopped with the session. */
    STOPPED
}
