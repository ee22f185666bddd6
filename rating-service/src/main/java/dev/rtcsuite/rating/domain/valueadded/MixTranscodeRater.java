package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.Resolution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Mix-transcode (SPEC R-5): usage is the input duration before transcoding, per input, at the tier
 * of the input resolution and in the price column of the output codec.
 *
 * <ul>
 *   <li>video (with audio) counts as video; audio-only inputs count as audio, each on its own when
 *       at least one input has video;
 *   <li>when all inputs are audio-only they count as one audio input;
 *   <li>when the output carries video but no input has a picture, the padded black picture counts
 *       as one extra video input at the output resolution's tier.
 * </ul>
 *
 * <p>Decision where the spec is silent: time without any input is not charged (no padding either),
 * since usage is input duration.
 */
public final class MixTranscodeRater {

    private MixTranscodeRater() {}

    /** The usage of one reported segment. */
    public static TimedUsage rate(MixTranscodeSegment segment) {
        return TimedUsage.of(
                segment.inputUserId(),
                ChargeKey.of(segment.outputCodec().item(), RatedTier.of(segment.resolution())),
                segment.span());
    }

    public static List<TimedUsage> rate(Collection<MixTranscodeSegment> segments) {
        return TimedUsage.coalesce(segments.stream().map(MixTranscodeRater::rate).toList());
    }

    /**
     * The segments a session's inputs are charged as.
     *
     * @param output the output resolution; {@link Resolution#NONE} for an audio-only output
     */
    public static List<MixTranscodeSegment> segmentsOf(
            VideoCodec outputCodec, Resolution output, Collection<MixInput> inputs) {
        List<MixTranscodeSegment> segments = new ArrayList<>();
        for (var instant : MixedInputs.sweep(inputs, MixInput::span, MixInput::audioOnly)) {
            if (instant.allAudioOnly()) {
                segments.add(MixTranscodeSegment.ofAggregatedAudio(outputCodec, instant.span()));
                if (output.hasPicture()) {
                    segments.add(
                            MixTranscodeSegment.ofPadding(outputCodec, output, instant.span()));
                }
            } else {
                instant.active().stream()
                        .map(
                                input ->
                                        MixTranscodeSegment.ofStream(
                                                input.userId(),
                                                outputCodec,
                                                input.resolution(),
                                                instant.span()))
                        .forEach(segments::add);
            }
        }
        return segments;
    }

    /** The usage of a session's inputs: {@link #segmentsOf} rated. */
    public static List<TimedUsage> rateSession(
            VideoCodec outputCodec, Resolution output, Collection<MixInput> inputs) {
        return rate(segmentsOf(outputCodec, output, inputs));
    }
}
