package dev.rtcsuite.rating.domain;

/** Which of a user's two upstream streams is meant. */
public enum StreamType {
    /** The camera stream. */
    MAIN,
    /** The screen-share stream: a stream of its own, rated on its own. */
    AUX
}
