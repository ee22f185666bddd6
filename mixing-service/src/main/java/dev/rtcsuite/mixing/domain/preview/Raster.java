package dev.rtcsuite.mixing.domain.preview;

/** An RGB picture in memory (0xRRGGBB per pixel) with the few drawing operations previews need. */
public final class Raster {

    private final int width;
    private final int height;
    private final int[] pixels;

    public Raster(int width, int height, int background) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a raster needs a positive size");
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        java.util.Arrays.fill(pixels, background & 0xFF_FF_FF);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int rgb(int x, int y) {
        return pixels[y * width + x];
    }

    public void set(int x, int y, int rgb) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            pixels[y * width + x] = rgb & 0xFF_FF_FF;
        }
    }

    /** Fills the rectangle, clipped to the raster. */
    public void fill(int x, int y, int w, int h, int rgb) {
        int left = Math.max(x, 0);
        int top = Math.max(y, 0);
        int right = Math.min(x + w, width);
        int bottom = Math.min(y + h, height);
        for (int row = top; row < bottom; row++) {
            java.util.Arrays.fill(
                    pixels,
                    row * width + left,
                    row * width + Math.max(left, right),
                    rgb & 0xFF_FF_FF);
        }
    }

    /** Draws the rectangle's border, {@code thickness} px inside its edges. */
    public void outline(int x, int y, int w, int h, int thickness, int rgb) {
        int t = Math.min(thickness, Math.min(w, h) / 2 + 1);
        fill(x, y, w, t, rgb);
        fill(x, y + h - t, w, t, rgb);
        fill(x, y, t, h, rgb);
        fill(x + w - t, y, t, h, rgb);
    }

    /** Row {@code y} as bytes R, G, B per pixel, into {@code out} from {@code offset}. */
    void copyRow(int y, byte[] out, int offset) {
        int base = y * width;
        for (int x = 0; x < width; x++) {
            int rgb = pixels[base + x];
            out[offset++] = (byte) (rgb >>> 16);
            out[offset++] = (byte) (rgb >>> 8);
            out[offset++] = (byte) rgb;
        }
    }
}
