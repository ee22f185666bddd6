package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import java.util.List;
import java.util.OptionalInt;

/**
 * Template 0, floating (MIXING.md): the main stream covers the canvas (z 0); up to 15 small windows
 * (z 1) in entry order from the bottom-left, 4 per row, at most 4 rows. Small window k: row r = k
 * div 4 (0 = bottom), column c = k mod 4, x = 0.012 + 0.247·c, y = 0.753 − 0.247·r, w = h = 0.235
 * of W and H.
 */
final class FloatingTemplate {

    private FloatingTemplate() {}

    static Layout place(LayoutContext context) {
        Placement placement = new Placement(context);
        OptionalInt main = context.mainSlotHolder();
        List<Integer> mixed = context.capped(LayoutContext.listOf(main));
        mixed.forEach(placement::hear);
        main.ifPresent(
                m ->
                        placement.show(
                                m,
                                new Rect(0, 0, context.width(), context.height()),
                                0,
                                RenderMode.CROP,
                                true));
        int small = 0;
        for (int input : mixed) {
            if (input != main.orElse(-1) && context.holdsSlot(input)) {
                placement.show(input, smallWindow(small++, context), 1, RenderMode.CROP, true);
            }
        }
        return placement.layout(false);
    }

    /** Fractions in thousandths: x = 12 + 247c, y = 753 − 247r, size 235. */
    static Rect smallWindow(int k, LayoutContext context) {
        int row = k / 4;
        int column = k % 4;
        long x = 12 + 247L * column;
        long y = 753 - 247L * row;
        return Rect.between(
                Edges.of(x, 1000, context.width()),
                Edges.of(y, 1000, context.height()),
                Edges.of(x + 235, 1000, context.width()),
                Edges.of(y + 235, 1000, context.height()));
    }
}
