package dev.rtcsuite.mixing.domain.params;

/** How a picture fills its rectangle (TRTC RenderMode 0–2). */
public enum RenderMode {
    /** Scale to cover the rectangle and crop the overflow. */
    CROP,
    /** Scale to fit inside; the bars show the background colour. */
    FIT,
    /** Scale to fit inside, on black bars. */
    FIT_BLACK
}
