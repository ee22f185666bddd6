package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.tier.Resolution;
import java.util.Objects;

/**
 * Input time of one input of a mix session, as mixing-service reports it (SPEC R-5, M-5); reported
 * in segments, each rated at its own tier.
 *
 * @param inputUserId the input's user; empty for aggregated audio and padding
 * @param resolution the input's video resolution ({@link Resolution#NONE} = audio-only); for
 *     padding, the output resolution
 */
public record MixTranscodeSegment(
        String inputUserId,
        VideoCodec outputCodec,
        InputRole role,
        Resolution resolution,
        TimeSpan span) {

    public MixTranscodeSegment {
        Objects.requireNonNull(inputUserId, "inputUserId");
        Objects.requireNonNull(outputCodec, "outputCodec");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(span, "span");
        if (role == InputRole.PADDING && !resolution.hasPicture()) {
            throw new IllegalArgumentException("padding has the output's picture resolution");
        }
        if (role == InputRole.AGGREGATED_AUDIO && resolution.hasPicture()) {
            throw new IllegalArgumentException("aggregated audio has no picture");
        }
    }

    public static MixTranscodeSegment ofStream(
            String inputUserId, VideoCodec outputCodec, Resolution resolution, TimeSpan span) {
        return new MixTranscodeSegment(
                inputUserId, outputCodec, InputRole.STREAM, resolution, span);
    }

    public static MixTranscodeSegment ofAggregatedAudio(VideoCodec outputCodec, TimeSpan span) {
        return new MixTranscodeSegment(
                "", outputCodec, InputRole.AGGREGATED_AUDIO, Resolution.NONE, span);
    }

    public static MixTranscodeSegment ofPadding(
            VideoCodec outputCodec, Resolution output, TimeSpan span) {
        return new MixTranscodeSegment("", outputCodec, InputRole.PADDING, output, span);
    }
}
