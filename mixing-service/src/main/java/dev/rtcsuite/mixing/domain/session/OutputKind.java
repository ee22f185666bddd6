package dev.rtcsuite.mixing.domain.session;

/** Kind of a session output (SPEC M-2). */
public enum OutputKind {
    /** A mixed recording task in recording-service (OutputParams.record_id). */
    RECORDING,
    /** The CDN relay of the mix under OutputParams.stream_id. */
    CDN_RELAY,
    /** A relay of the mix's stream to one third-party CDN URL. */
    THIRD_PARTY_CDN
}
