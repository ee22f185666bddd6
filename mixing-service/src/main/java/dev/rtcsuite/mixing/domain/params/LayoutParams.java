package dev.rtcsuite.mixing.domain.params;

import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.StreamType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    public LayoutParams withTemplate(LayoutTemplate newTemplate) {
        return new LayoutParams(
                newTemplate,
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

    public LayoutParams withMain(StreamKey main) {
        return new LayoutParams(
                template,
                main.userId(),
                main.type(),
                smallVideo,
                mainVideoRightAlign,
                mixVideoUids,
                presets,
                placeHolderMode,
                audioSlotMode,
                watermark);
    }

    public LayoutParams withSmallVideo(SmallVideo small) {
        return new LayoutParams(
                template,
                mainVideoUserId,
                mainVideoStreamType,
                Optional.of(small),
                mainVideoRightAlign,
                mixVideoUids,
                presets,
                placeHolderMode,
                audioSlotMode,
                watermark);
    }

    public LayoutParams withRightAlign(boolean rightAlign) {
        return new LayoutParams(
                template,
                mainVideoUserId,
                mainVideoStreamType,
                smallVideo,
                rightAlign,
                mixVideoUids,
                presets,
                placeHolderMode,
                audioSlotMode,
                watermark);
    }

    public LayoutParams withMixVideoUids(List<String> uids) {
        return new LayoutParams(
                template,
                mainVideoUserId,
                mainVideoStreamType,
                smallVideo,
                mainVideoRightAlign,
                uids,
                presets,
                placeHolderMode,
                audioSlotMode,
                watermark);
    }

    public LayoutParams withPresets(List<PresetSlot> slots, boolean placeholders) {
        return new LayoutParams(
                template,
                mainVideoUserId,
                mainVideoStreamType,
                smallVideo,
                mainVideoRightAlign,
                mixVideoUids,
                slots,
                placeholders,
                audioSlotMode,
                watermark);
    }

    public LayoutParams withAudioSlotMode(AudioSlotMode mode) {
        return new LayoutParams(
                template,
                mainVideoUserId,
                mainVideoStreamType,
                smallVideo,
                mainVideoRightAlign,
                mixVideoUids,
                presets,
                placeHolderMode,
                mode,
                watermark);
    }

    public LayoutParams withWatermark(Watermark mark) {
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
                Optional.of(mark));
    }
}
