package dev.rtcsuite.rating.domain.valueadded;

/** Video type of an in-class recording (SPEC R-6). */
public enum InClassVideoType {
    /** Video type 0: one user's camera. */
    CAMERA,
    /** Video type 2: the whiteboard. */
    WHITEBOARD,
    /** The mixed-stream output: currently free (price 0), still reported. */
    MIXED_OUTPUT
}
