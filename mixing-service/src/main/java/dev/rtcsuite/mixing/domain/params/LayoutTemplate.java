package dev.rtcsuite.mixing.domain.params;

/** The layout templates of MIXING.md (TRTC Template 0–4). */
public enum LayoutTemplate {
    FLOATING,
    GRID,
    SCREEN_SHARE,
    PICTURE_IN_PICTURE,
    CUSTOM
}
