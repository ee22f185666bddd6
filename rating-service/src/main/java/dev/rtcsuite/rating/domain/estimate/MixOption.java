package dev.rtcsuite.rating.domain.estimate;

import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.valueadded.VideoCodec;
import java.util.List;
import java.util.Objects;

/**
 * Mix-transcode in a scenario: every stream of the mixed users is an MCU input.
 *
 * @param output the output resolution; {@link Resolution#NONE} = audio-only output (no padding)
 * @param userIds the mixed users; empty = every user who sends
 */
public record MixOption(VideoCodec outputCodec, Resolution output, List<String> userIds) {

    public MixOption {
        Objects.requireNonNull(outputCodec, "outputCodec");
        Objects.requireNonNull(output, "output");
        userIds = List.copyOf(userIds);
    }
}
