package dev.rtcsuite.mixing.domain.session;

/** Why a session ended. */
public enum EndReason {
    /** StopMCUMixTranscode. */
    STOPPED,
    /** The room was dismissed. */
    ROOM_ENDED,
    /** The app went out of service (account suspended or reclaimed, app disabled). */
    SERVICE_STOPPED,
    /** The MCU worker could not continue. */
    FAILED
}
