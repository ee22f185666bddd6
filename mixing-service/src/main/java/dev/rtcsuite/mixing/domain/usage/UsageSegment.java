package dev.rtcsuite.mixing.domain.usage;

import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.params.VideoCodec;
import java.time.Instant;

/**
 * Input time of one input of a session over one usage period (SPEC R-5), as rating-service ingests
 * it (MixTranscodeSegment). Raw sizes: rating-service decides the tier.
 *
 * @param stream {@code user:main}, {@code user:aux}, {@link #AGGREGATED_AUDIO} or {@link #PADDING}:
 *     the middle part of the idempotency key
 * @param width input width, 0 for audio; for padding, the output width
 */
public record UsageSegment(
        String stream,
        String userId,
        StreamType streamType,
        int width,
        int height,
        boolean padding,
        boolean aggregatedAudio,
        VideoCodec outputCodec,
        Instant start,
        long seconds) {

    public static final String AGGREGATED_AUDIO = "audio";
    public static final String PADDING = "padding";

    /** {@code {session}:{stream}:{segment-seq}} (MIXING.md "Usage"). */
    public String idempotencyKey(String sessionId, long seq) {
        return sessionId + ":" + stream + ":" + seq;
    }
}
