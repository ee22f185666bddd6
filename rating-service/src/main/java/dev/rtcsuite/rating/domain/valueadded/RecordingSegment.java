package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.tier.Resolution;
import java.util.Objects;

/**
 * Input time of one stream of a recording task, as recording-service reports it (SPEC R-4, C-7).
 *
 * @param inputUserId the input's user; empty for aggregated audio
 * @param role {@link InputRole#STREAM}, or {@link InputRole#AGGREGATED_AUDIO} for a mixed recording
 *     whose inputs are all audio-only
 * @param input the input's video resolution; {@link Resolution#NONE} for an audio-only input
 * @param resumeWait true while the anchor is inside the configured resume wait (C-3)
 * @param formatCount file formats the task produces: each second counts this many times
 */
public record RecordingSegment(
        String inputUserId,
        RecordingType type,
        InputRole role,
        Resolution input,
        boolean resumeWait,
        int formatCount,
        TimeSpan span) {

    public RecordingSegment {
        Objects.requireNonNull(inputUserId, "inputUserId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(span, "span");
        if (role == InputRole.PADDING) {
            throw new IllegalArgumentException("a recorder has no padding input");
        }
        if (role == InputRole.AGGREGATED_AUDIO && type != RecordingType.MIXED_STREAM) {
            throw new IllegalArgumentException("only mixed-stream recording aggregates audio");
        }
        if (formatCount < 1) {
            throw new IllegalArgumentException("format count must be ≥ 1, was " + formatCount);
        }
    }

    /** An input stream's segment. */
    public static RecordingSegment ofStream(
            String inputUserId,
            RecordingType type,
            Resolution input,
            boolean resumeWait,
            int formatCount,
            TimeSpan span) {
        return new RecordingSegment(
                inputUserId, type, InputRole.STREAM, input, resumeWait, formatCount, span);
    }

    /** The one audio input standing for all inputs of an all-audio mixed recording. */
    public static RecordingSegment ofAggregatedAudio(int formatCount, TimeSpan span) {
        return new RecordingSegment(
                "",
                RecordingType.MIXED_STREAM,
                InputRole.AGGREGATED_AUDIO,
                Resolution.NONE,
                false,
                formatCount,
                span);
    }

    /** True when the segment is charged as audio: no picture, in resume wait, or aggregated. */
    public boolean chargedAsAudio() {
        return role == InputRole.AGGREGATED_AUDIO || resumeWait || !input.hasPicture();
    }
}
