package dev.rtcsuite.mixing.domain.params;

/** An axis-aligned rectangle in integer canvas pixels; x grows right, y grows down. */
public record Rect(int x, int y, int width, int height) {

    public static Rect between(int left, int top, int right, int bottom) {
        return new Rect(left, top, right - left, bottom - top);
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    /** Inside a canvas of {@code canvasWidth} × {@code canvasHeight}, edges included. */
    public boolean fitsIn(int canvasWidth, int canvasHeight) {
        return x >= 0
                && y >= 0
                && (long) x + width <= canvasWidth
                && (long) y + height <= canvasHeight;
    }

    /** Whether the two share any pixel (touching edges do not). */
    public boolean overlaps(Rect other) {
        return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
    }

    public boolean contains(int px, int py) {
        return px >= x && px < right() && py >= y && py < bottom();
    }

    /** The same rectangle reflected about the vertical centre line of a canvas this wide. */
    public Rect mirrored(int canvasWidth) {
        return new Rect(canvasWidth - right(), y, width, height);
    }

    @Override
    public String toString() {
        return width + "x" + height + "@" + x + "," + y;
    }
}
