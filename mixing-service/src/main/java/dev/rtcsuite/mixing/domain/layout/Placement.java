package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.params.PresetSlot;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A template's decisions while it places inputs: regions, and who is heard and seen. */
final class Placement {

    /** A region and its drawing-order key: z, then input order (free entries after inputs). */
    private record Placed(Region region, int order) {}

    private final LayoutContext context;
    private final List<Placed> placed = new ArrayList<>();
    private final boolean[] audio;
    private final boolean[] video;

    Placement(LayoutContext context) {
        this.context = context;
        this.audio = new boolean[context.inputs.size()];
        this.video = new boolean[context.inputs.size()];
    }

    /** The input's audio is in the mix (when it has audio). */
    void hear(int input) {
        audio[input] = context.inputs.get(input).hasAudio();
    }

    /** The input holds {@code rect}; its video is drawn when allowed and {@code showVideo}. */
    void show(int input, Rect rect, int z, RenderMode mode, boolean showVideo) {
        boolean mixVideo = showVideo && context.videoAllowed(input);
        video[input] |= mixVideo;
        placed.add(
                new Placed(
                        Region.video(context.inputs.get(input), rect, z, mode, mixVideo), input));
    }

    /**
     * A custom entry's region, held by {@code input} or empty (input -1); {@code order} places an
     * empty entry in drawing order after every input.
     */
    void entry(PresetSlot slot, int input, boolean showVideo, boolean placeholders, int order) {
        boolean filled = input >= 0;
        boolean mixVideo = filled && showVideo && context.videoAllowed(input);
        boolean placeholder = !mixVideo && placeholders && !slot.placeImageUrl().isEmpty();
        if (!filled && !slot.isReserved() && !placeholder) {
            return;
        }
        if (filled) {
            video[input] |= mixVideo;
        }
        String userId = filled ? context.inputs.get(input).userId() : slot.userId();
        var streamType = filled ? context.inputs.get(input).streamType() : slot.streamType();
        placed.add(
                new Placed(
                        new Region(
                                userId,
                                streamType,
                                slot.rect(),
                                slot.zOrder(),
                                slot.renderMode(),
                                mixVideo,
                                placeholder,
                                placeholder ? slot.placeImageUrl() : ""),
                        filled ? input : order));
    }

    Layout layout(boolean mirrored) {
        boolean picture = context.canvas.hasPicture();
        List<Region> regions =
                picture
                        ? placed.stream()
                                .sorted(
                                        Comparator.comparingInt((Placed p) -> p.region().z())
                                                .thenComparingInt(Placed::order))
                                .map(p -> mirrored ? mirror(p.region()) : p.region())
                                .toList()
                        : List.of();
        List<MixedInput> inputs = new ArrayList<>();
        for (int i = 0; i < context.inputs.size(); i++) {
            inputs.add(new MixedInput(context.inputs.get(i), audio[i], picture && video[i]));
        }
        return new Layout(context.canvas, inputs, regions, context.params.watermark());
    }

    private Region mirror(Region region) {
        return new Region(
                region.userId(),
                region.streamType(),
                region.rect().mirrored(context.width()),
                region.z(),
                region.renderMode(),
                region.mixVideo(),
                region.placeholder(),
                region.placeImageUrl());
    }
}
