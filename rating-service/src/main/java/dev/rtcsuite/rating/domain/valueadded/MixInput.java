package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.tier.Resolution;
import java.util.Objects;

/**
 * What the MCU receives from one input stream during a span, before the R-5 rules decide what is
 * charged; {@link Resolution#NONE} for an audio-only input.
 */
public record MixInput(String userId, StreamType stream, Resolution resolution, TimeSpan span) {

    public MixInput {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a mix input needs a user");
        }
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(span, "span");
    }

    public boolean audioOnly() {
        return !resolution.hasPicture();
    }
}
