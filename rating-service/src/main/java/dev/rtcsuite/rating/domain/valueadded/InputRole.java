package dev.rtcsuite.rating.domain.valueadded;

/** What a recorder or MCU input segment stands for (SPEC ). */
public enum InputRole {
    /** One input stream, rated at its own tier. */
    STREAM,
    /** Every input of a mix whose inputs are all audio-only: one audio input. */
    AGGREGATED_AUDIO,
    /** The black picture the MCU pads when the output has video and no input has a picture. */
    PADDING
}
