package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import java.util.List;
import java.util.OptionalInt;

/**
 * Template 2, screen share (MIXING.md): the main stream on the left half, letterboxed (fit on the
 * background colour); the others on the right half in two columns of eight cells of W/4 × H/8, the
 * inner column (next to the big picture) top to bottom first, then the outer one. At most 1 + 15.
 * main_video_right_align mirrors everything horizontally.
 */
final class ScreenShareTemplate {

    private ScreenShareTemplate() {}

    static Layout place(LayoutContext context) {
        Placement placement = new Placement(context);
        OptionalInt main = context.mainSlotHolder();
        List<Integer> mixed = context.capped(LayoutContext.listOf(main));
        mixed.forEach(placement::hear);
        main.ifPresent(
                m ->
                        placement.show(
                                m,
                                Rect.between(
                                        0, 0, Edges.of(1, 2, context.width()), context.height()),
                                0,
                                RenderMode.FIT,
                                true));
        int cell = 0;
        for (int input : mixed) {
            if (input != main.orElse(-1) && context.holdsSlot(input)) {
                int column = cell / 8;
                int row = cell % 8;
                placement.show(
                        input,
                        Rect.between(
                                Edges.of(2 + column, 4, context.width()),
                                Edges.of(row, 8, context.height()),
                                Edges.of(3 + column, 4, context.width()),
                                Edges.of(row + 1, 8, context.height())),
                        0,
                        RenderMode.CROP,
                        true);
                cell++;
            }
        }
        return placement.layout(context.params.mainVideoRightAlign());
    }
}
