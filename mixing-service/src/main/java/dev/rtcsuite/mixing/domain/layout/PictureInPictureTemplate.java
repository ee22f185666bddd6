package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import dev.rtcsuite.mixing.domain.params.SmallVideo;
import java.util.List;
import java.util.Optional;

/**
 * Template 3, picture-in-picture (MIXING.md): the main stream covers the canvas (z 0), the small
 * picture's stream sits at its rectangle (z 1); everyone else is heard only. At most 2 pictures.
 *
 * <p>Decision: without a main user, the big picture is the first stream to enter other than the
 * small picture's. pure_audio_hold_place_mode does not apply: both pictures are named.
 */
final class PictureInPictureTemplate {

    private PictureInPictureTemplate() {}

    static Layout place(LayoutContext context) {
        Placement placement = new Placement(context);
        Optional<SmallVideo> smallVideo = context.params.smallVideo();
        Optional<Integer> small = smallVideo.flatMap(s -> boxed(context.indexOf(s.stream())));
        Optional<Integer> main =
                context.params
                        .mainStream()
                        .flatMap(key -> boxed(context.indexOf(key)))
                        .filter(m -> !m.equals(small.orElse(null)))
                        .or(() -> firstOtherThan(small, context));
        List<Integer> mixed = context.capped(LayoutContext.listOf(main, small));
        mixed.forEach(placement::hear);
        main.ifPresent(
                m ->
                        placement.show(
                                m,
                                new Rect(0, 0, context.width(), context.height()),
                                0,
                                RenderMode.CROP,
                                true));
        small.ifPresent(
                s -> placement.show(s, smallVideo.orElseThrow().rect(), 1, RenderMode.CROP, true));
        return placement.layout(false);
    }

    private static Optional<Integer> firstOtherThan(
            Optional<Integer> small, LayoutContext context) {
        for (int i = 0; i < context.inputs.size(); i++) {
            if (small.isEmpty() || small.get() != i) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> boxed(java.util.OptionalInt index) {
        return index.isPresent() ? Optional.of(index.getAsInt()) : Optional.empty();
    }
}
