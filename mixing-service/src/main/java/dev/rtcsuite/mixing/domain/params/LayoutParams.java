package dev.rtcsuite.mixing.domain.params;

import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.StreamType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Layout of the mix (MIXING.md "LayoutParams and geometry").
 *
 * @param mainVideoUserId the big picture's user (floating, screen share, picture-in-picture); empty
 *     = the first user to enter
 * @param smallVideo picture-in-picture only
 * @param mainVideoRightAlign screen share only: mirror the layout horizontally
 * @param mixVideoUids when non-empty, only these users are mixed with video
 * @param presets custom only
 * @param placeHolderMode custom only: entries without video show their placeholder image
 */
public record LayoutParams(
        LayoutTemplate template,
        String mainVideoUserId,
        StreamType mainVideoStreamType,
        Optional<SmallVideo> smallVideo,
        boolean mainVideoRightAlign,
        List<String> mixVideoUids,
        List<PresetSlot> presets,
        boolean placeHolderMode,
        AudioSlotMode audioSlotMode,
        Optional<Watermark> watermark) {

    /** Floating, defaults everywhere: what an unset layout_params means. */
    public static final LayoutParams DEFAULT = of(LayoutTemplate.FLOATING);

    public LayoutParams {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(mainVideoUserId, "mainVideoUserId");
        Objects.requireNonNull(mainVideoStreamType, "mainVideoStreamType");
        Objects.requireNonNull(smallVideo, "smallVideo");
        mixVideoUids = List.copyOf(mixVideoUids);
        presets = List.copyOf(presets);
        Objects.requireNonNull(audioSlotMode, "audioSlotMode");
        Objects.requireNonNull(watermark, "watermark");
    }

    public static LayoutParams of(LayoutTemplate template) {
        return new LayoutParams(
                template,
                "",
                StreamType.MAIN,
                Optional.empty(),
                false,
                List.of(),
                List.of(),
                false,
                AudioSlotMode.TEMPLATE_DEFAULT,
                Optional.empty());
    }

    /** The requested main stream, if a main user is named. */
    public Optional<StreamKey> mainStream() {
        return mainVideoUserId.isEmpty()
                ? Optional.empty()
                : Optional.of(new StreamKey(mainVideoUserId, mainVideoStreamType));
    }

    public LayoutParams withMain(StreamKey main) {
        return with(
                d -> {
                    d.mainVideoUserId = main.userId();
                    d.mainVideoStreamType = main.type();
                });
    }

    public LayoutParams withSmallVideo(SmallVideo small) {
        return with(d -> d.smallVideo = Optional.of(small));
    }

    public LayoutParams withRightAlign(boolean rightAlign) {
        return with(d -> d.mainVideoRightAlign = rightAlign);
    }

    public LayoutParams withMixVideoUids(List<String> uids) {
        return with(d -> d.mixVideoUids = uids);
    }

    public LayoutParams withPresets(List<PresetSlot> slots, boolean placeholders) {
        return with(
                d -> {
                    d.presets = slots;
                    d.placeHolderMode = placeholders;
                });
    }

    public LayoutParams withAudioSlotMode(AudioSlotMode mode) {
        return with(d -> d.audioSlotMode = mode);
    }

    public LayoutParams withWatermark(Watermark mark) {
        return with(d -> d.watermark = Optional.of(mark));
    }

    private LayoutParams with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A copy being changed. */
    private static final class Draft {
        LayoutTemplate template;
        String mainVideoUserId;
        StreamType mainVideoStreamType;
        Optional<SmallVideo> smallVideo;
        boolean mainVideoRightAlign;
        List<String> mixVideoUids;
        List<PresetSlot> presets;
        boolean placeHolderMode;
        AudioSlotMode audioSlotMode;
        Optional<Watermark> watermark;

        Draft(LayoutParams p) {
            template = p.template;
            mainVideoUserId = p.mainVideoUserId;
            mainVideoStreamType = p.mainVideoStreamType;
            smallVideo = p.smallVideo;
            mainVideoRightAlign = p.mainVideoRightAlign;
            mixVideoUids = p.mixVideoUids;
            presets = p.presets;
            placeHolderMode = p.placeHolderMode;
            audioSlotMode = p.audioSlotMode;
            watermark = p.watermark;
        }

        LayoutParams build() {
            return new LayoutParams(
                    template,
                    mainVideoUserId,
                    mainVideoStreamType,
                    smallVideo,
                    mainVideoRightAlign,
                    mixVideoUids,
                    presets,
                    placeHolderMode,
                    audioSlotMode,
                    watermark);
        }
    }
}
