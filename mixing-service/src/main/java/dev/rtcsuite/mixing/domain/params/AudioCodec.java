package dev.rtcsuite.mixing.domain.params;

/** Audio codec of the mix (TRTC AudioCodec 0, 1, 2). */
public enum AudioCodec {
    LC_AAC,
    /** Not with 8000 Hz. */
    HE_AAC,
    /** Two channels only; not with 8000 Hz. */
    HE_AAC_V2
}
