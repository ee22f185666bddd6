package dev.rtcsuite.recording.domain;

/** Which of an anchor's streams: the camera (MAIN) or the screen share (AUX). */
public enum StreamType {
    MAIN,
    AUX;

    /** The suffix of default stream ids and file names (SPEC C-4). */
    public String suffix() {
        return this == MAIN ? "main" : "aux";
    }
}
