package dev.rtcsuite.recording.domain.usage;

import dev.rtcsuite.recording.domain.StreamType;

/**
 * One input stream as the recorder receives it, for the usage of SPEC R-4/C-7.
 *
 * @param width 0 with {@code height} 0 for an audio-only input
 * @param resumeWait the anchor is away and the task waits for it: charged as audio
 * @param aggregatedAudio a mix whose inputs are all audio-only, counted as one audio input
 */
public record MeterInput(
        String userId,
        StreamType streamType,
        String streamId,
        int width,
        int height,
        boolean resumeWait,
        boolean aggregatedAudio) {

    public static MeterInput allAudio() {
        return new MeterInput("", StreamType.MAIN, "", 0, 0, false, true);
    }

    /** The tier it is rated at. */
    public ResolutionTier tier() {
        return resumeWait ? ResolutionTier.AUDIO : ResolutionTier.of(width, height);
    }
}
