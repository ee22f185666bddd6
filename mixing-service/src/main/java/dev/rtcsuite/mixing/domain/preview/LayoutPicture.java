package dev.rtcsuite.mixing.domain.preview;

import dev.rtcsuite.mixing.domain.layout.Canvas;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.MixedInput;
import dev.rtcsuite.mixing.domain.layout.Region;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.Watermark;
import java.util.List;

/**
 * Draws a layout as a picture of its canvas for operators (MIXING.md "What the layout engine
 * returns" 3): the background colour, each region filled in its input's colour (a slot without
 * video in dark grey, a placeholder in light grey), outlined and labelled with its user and stream,
 * the watermark outlined on top. A background image is shown as its colour only.
 */
public final class LayoutPicture {

    /** Fill colours of drawn video, by input index. */
    public static final int[] PALETTE = {
        0x4E79A7, 0xF28E2B, 0x59A14F, 0xE15759, 0x76B7B2, 0xEDC948, 0xB07AA1, 0xFF9DA7,
        0x9C755F, 0x86BCB6, 0xD37295, 0x8CD17D, 0x499894, 0xF1CE63, 0xA0CBE8, 0xFFBE7D
    };

    /** A held slot that shows no video (an audio-only stream): the background shows in the mix. */
    public static final int NO_VIDEO = 0x3A3A3A;

    /** A region showing its placeholder image. */
    public static final int PLACEHOLDER = 0xBDBDBD;

    public static final int WATERMARK = 0xFFE000;

    private static final int BORDER = 2;
    private static final int INSET = 4;

    private LayoutPicture() {}

    public static byte[] png(Layout layout) {
        return PngEncoder.encode(draw(layout));
    }

    public static Raster draw(Layout layout) {
        Canvas canvas = layout.canvas();
        Raster raster = new Raster(canvas.width(), canvas.height(), canvas.backgroundColor());
        for (Region region : layout.regions()) {
            int fill = fillOf(layout, region);
            Rect rect = region.rect();
            raster.fill(rect.x(), rect.y(), rect.width(), rect.height(), fill);
            raster.outline(rect.x(), rect.y(), rect.width(), rect.height(), BORDER, ink(fill));
            String state =
                    region.mixVideo() ? "" : region.placeholder() ? "placeholder" : "no video";
            label(raster, rect, fill, region.label(), state);
        }
        layout.watermark().ifPresent(mark -> watermark(raster, mark));
        return raster;
    }

    /** The fill colour of a region: its input's palette colour when video is drawn. */
    public static int fillOf(Layout layout, Region region) {
        if (region.placeholder()) {
            return PLACEHOLDER;
        }
        if (!region.mixVideo()) {
            return NO_VIDEO;
        }
        List<MixedInput> inputs = layout.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            var input = inputs.get(i).input();
            if (input.userId().equals(region.userId())
                    && input.streamType() == region.streamType()) {
                return PALETTE[i % PALETTE.length];
            }
        }
        return NO_VIDEO;
    }

    private static void watermark(Raster raster, Watermark mark) {
        Rect rect = mark.rect();
        raster.outline(rect.x(), rect.y(), rect.width(), rect.height(), BORDER, WATERMARK);
        label(raster, rect, 0, "watermark", "");
    }

    /** One or two lines in the top-left corner, as large as fits (scale 1–4), cut to fit. */
    private static void label(Raster raster, Rect rect, int fill, String text, String state) {
        int room = rect.width() - 2 * INSET;
        if (room < BitmapFont.GLYPH_WIDTH || rect.height() < BitmapFont.GLYPH_HEIGHT + 2 * INSET) {
            return;
        }
        int scale =
                Math.max(
                        1,
                        Math.min(
                                4,
                                Math.min(
                                        room / Math.max(1, BitmapFont.width(text, 1)),
                                        rect.height() / (6 * BitmapFont.GLYPH_HEIGHT))));
        int lineHeight = (BitmapFont.GLYPH_HEIGHT + 3) * scale;
        int color = ink(fill);
        BitmapFont.draw(
                raster, fit(text, room, scale), rect.x() + INSET, rect.y() + INSET, scale, color);
        if (!state.isEmpty() && rect.height() >= 2 * lineHeight + 2 * INSET) {
            BitmapFont.draw(
                    raster,
                    fit(state, room, scale),
                    rect.x() + INSET,
                    rect.y() + INSET + lineHeight,
                    scale,
                    color);
        }
    }

    private static String fit(String text, int room, int scale) {
        int max = Math.max(1, (room / scale + 1) / BitmapFont.ADVANCE);
        return text.length() <= max
                ? text
                : text.substring(0, Math.max(1, max - 2)) + "..".substring(0, Math.min(2, max - 1));
    }

    /** Black on light fills, white on dark ones (by luma). */
    static int ink(int fill) {
        int r = fill >> 16 & 0xFF;
        int g = fill >> 8 & 0xFF;
        int b = fill & 0xFF;
        return 299 * r + 587 * g + 114 * b > 140_000 ? 0x000000 : 0xFFFFFF;
    }
}
