package dev.rtcsuite.rating.domain.tier;

/**
 * A video resolution in pixels; {@link #NONE} (0 × 0) means no picture (audio only, camera off,
 * nothing received).
 */
public record Resolution(int width, int height) {

    /** No picture. */
    public static final Resolution NONE = new Resolution(0, 0);

    public Resolution {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException(
                    "resolution must not be negative, was " + width + "×" + height);
        }
        if ((width == 0) != (height == 0)) {
            throw new IllegalArgumentException(
                    "resolution is either 0×0 (no picture) or both sides > 0, was "
                            + width
                            + "×"
                            + height);
        }
    }

    public static Resolution of(int width, int height) {
        return new Resolution(width, height);
    }

    /** Width × height in pixels (as a long: 16384² does not fit an int). */
    public long area() {
        return (long) width * height;
    }

    public boolean hasPicture() {
        return area() > 0;
    }
}
