package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Cloud recording (SPEC R-4): usage is the input duration of each stream the recorder receives.
 *
 * <ul>
 *   <li>a stream with video (and audio) counts as video at its input tier; audio-only as audio;
 *   <li>single-stream recording uses single-stream prices; mixed-stream recording charges every
 *       input at mixed-stream prices;
 *   <li>mixed recording whose inputs are all audio-only counts as one audio input;
 *   <li>time inside a resume wait is charged as audio;
 *   <li>several file formats multiply the seconds (before the day is rounded to minutes).
 * </ul>
 *
 * <p>Decision where the spec is silent: an input inside its resume wait counts as audio-only for
 * the "all inputs audio-only" rule, since it is charged as audio.
 */
public final class RecordingRater {

    private RecordingRater() {}

    /** The usage of one reported segment. */
    public static TimedUsage rate(RecordingSegment segment) {
        RatedTier tier = segment.chargedAsAudio() ? RatedTier.AUDIO : RatedTier.of(segment.input());
        return new TimedUsage(
                segment.inputUserId(),
                ChargeKey.of(segment.type().item(), tier),
                segment.span(),
                segment.formatCount());
    }

    public static List<TimedUsage> rate(Collection<RecordingSegment> segments) {
        return TimedUsage.coalesce(segments.stream().map(RecordingRater::rate).toList());
    }

    /**
     * The segments a task's inputs are charged as: each input on its own, except that a mixed
     * recording's all-audio instants become one aggregated audio segment.
     */
    public static List<RecordingSegment> segmentsOf(
            RecordingType type, int formatCount, Collection<RecorderInput> inputs) {
        if (type == RecordingType.SINGLE_STREAM) {
            return inputs.stream()
                    .map(input -> segmentOf(type, formatCount, input, input.span()))
                    .toList();
        }
        List<RecordingSegment> segments = new ArrayList<>();
        for (var instant :
                MixedInputs.sweep(inputs, RecorderInput::span, RecorderInput::chargedAsAudio)) {
            if (instant.allAudioOnly()) {
                segments.add(RecordingSegment.ofAggregatedAudio(formatCount, instant.span()));
            } else {
                instant.active().stream()
                        .map(input -> segmentOf(type, formatCount, input, instant.span()))
                        .forEach(segments::add);
            }
        }
        return segments;
    }

    /** The usage of a task's inputs: {@link #segmentsOf} rated. */
    public static List<TimedUsage> rateTask(
            RecordingType type, int formatCount, Collection<RecorderInput> inputs) {
        return rate(segmentsOf(type, formatCount, inputs));
    }

    private static RecordingSegment segmentOf(
            RecordingType type, int formatCount, RecorderInput input, TimeSpan span) {
        return RecordingSegment.ofStream(
                input.userId(), type, input.resolution(), input.resumeWait(), formatCount, span);
    }
}
