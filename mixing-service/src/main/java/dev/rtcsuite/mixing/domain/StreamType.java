package dev.rtcsuite.mixing.domain;

/** Which of a user's two upstream streams is meant (TRTC stream type 0 / 1). */
public enum StreamType {
    /** The camera stream (TRTC 0), stream id suffix {@code _main}. */
    MAIN("main"),
    /** The screen-share stream (TRTC 1), stream id suffix {@code _aux}. */
    AUX("aux");

    private final String label;

    StreamType(String label) {
        this.label = label;
    }

    /** {@code main} or {@code aux}, as in stream ids and labels. */
    public String label() {
        return label;
    }
}
