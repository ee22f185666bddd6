package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.tier.Resolution;
import java.util.Objects;

/**
 * What a recorder receives from one input stream during a span, before the R-4 rules decide what is
 * charged.
 *
 * @param resolution {@link Resolution#NONE} for an audio-only stream; a stream with video (with or
 *     without audio) has its picture's resolution
 * @param resumeWait true while the anchor is interrupted and inside the resume wait
 */
public record RecorderInput(
        String userId,
        StreamType stream,
        Resolution resolution,
        boolean resumeWait,
        TimeSpan span) {

    public RecorderInput {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a recorder input needs a user");
        }
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(span, "span");
    }

    public static RecorderInput of(
            String userId, StreamType stream, Resolution resolution, TimeSpan span) {
        return new RecorderInput(userId, stream, resolution, false, span);
    }

    /** Charged as audio: audio-only, or inside the resume wait. */
    public boolean chargedAsAudio() {
        return resumeWait || !resolution.hasPicture();
    }
}
