package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import java.util.List;

/**
 * Template 1, grid (MIXING.md): N slot holders → 1 → 1×1; 2 → 2 columns × 1 row when W ≥ H, else 1
 * × 2; 3–4 → 2×2; 5–9 → 3×3; 10–16 → 4×4. Equal cells filled row by row from the top-left in entry
 * order; an incomplete last row is centred horizontally. Render mode crop.
 */
final class GridTemplate {

    private GridTemplate() {}

    static Layout place(LayoutContext context) {
        Placement placement = new Placement(context);
        List<Integer> mixed = context.capped(List.of());
        mixed.forEach(placement::hear);
        List<Integer> slots = mixed.stream().filter(context::holdsSlot).toList();
        int n = slots.size();
        if (n > 0) {
            int columns = columns(n, context.canvas);
            int rows = rows(n, context.canvas);
            int lastRow = (n - 1) / columns;
            for (int j = 0; j < n; j++) {
                int row = j / columns;
                int column = j % columns;
                int inRow = row == lastRow ? n - lastRow * columns : columns;
                // In half cells: an incomplete row starts (columns − inRow) half cells in.
                long left = 2L * column + (columns - inRow);
                placement.show(
                        slots.get(j),
                        Rect.between(
                                Edges.of(left, 2L * columns, context.width()),
                                Edges.of(row, rows, context.height()),
                                Edges.of(left + 2, 2L * columns, context.width()),
                                Edges.of(row + 1, rows, context.height())),
                        0,
                        RenderMode.CROP,
                        true);
            }
        }
        return placement.layout(false);
    }

    static int columns(int n, Canvas canvas) {
        return switch (side(n)) {
            case 1 -> 1;
            case 0 -> canvas.isPortrait() ? 1 : 2;
            default -> side(n);
        };
    }

    static int rows(int n, Canvas canvas) {
        return switch (side(n)) {
            case 1 -> 1;
            case 0 -> canvas.isPortrait() ? 2 : 1;
            default -> side(n);
        };
    }

    /** The grid's side for N inputs; 0 stands for the two-input grid, whose shape follows W/H. */
    private static int side(int n) {
        if (n == 1) {
            return 1;
        }
        if (n == 2) {
            return 0;
        }
        return n <= 4 ? 2 : n <= 9 ? 3 : 4;
    }
}
