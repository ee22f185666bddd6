package dev.rtcsuite.mixing.domain.usage;

import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.layout.MixedInput;
import dev.rtcsuite.mixing.domain.params.VideoCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Mix-transcode usage of one period with an unchanged layout (SPEC R-5, MIXING.md "Usage"): one
 * segment per mixed input — its resolution when its picture is mixed, else audio (0 × 0); when no
 * mixed input has a picture, one aggregated audio segment for all of them, plus black padding at
 * the output resolution when the output carries video. A period without any mixed input is not
 * charged (usage is input time).
 */
public final class TranscodeUsage {

    private TranscodeUsage() {}

    public static List<UsageSegment> of(
            Layout layout, boolean outputVideo, VideoCodec codec, Instant start, long seconds) {
        List<MixedInput> mixed = layout.mixedInputs();
        if (mixed.isEmpty() || seconds <= 0) {
            return List.of();
        }
        List<UsageSegment> segments = new ArrayList<>();
        if (mixed.stream().noneMatch(TranscodeUsage::pictured)) {
            segments.add(
                    new UsageSegment(
                            UsageSegment.AGGREGATED_AUDIO,
                            "",
                            StreamType.MAIN,
                            0,
                            0,
                            false,
                            true,
                            codec,
                            start,
                            seconds));
            if (outputVideo) {
                segments.add(
                        new UsageSegment(
                                UsageSegment.PADDING,
                                "",
                                StreamType.MAIN,
                                layout.canvas().width(),
                                layout.canvas().height(),
                                true,
                                false,
                                codec,
                                start,
                                seconds));
            }
            return segments;
        }
        for (MixedInput input : mixed) {
            MixInput in = input.input();
            boolean pictured = pictured(input);
            segments.add(
                    new UsageSegment(
                            in.key().toString(),
                            in.userId(),
                            in.streamType(),
                            pictured ? in.width() : 0,
                            pictured ? in.height() : 0,
                            false,
                            false,
                            codec,
                            start,
                            seconds));
        }
        return segments;
    }

    /** Its picture is in the mix (video mixed, with a known size). */
    private static boolean pictured(MixedInput input) {
        return input.videoMixed() && input.input().hasPicture();
    }
}
