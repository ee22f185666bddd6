package dev.rtcsuite.mixing.domain.layout;

/**
 * The output picture, W × H px; {@link #NONE} for an audio-only output.
 *
 * @param backgroundColor 0xRRGGBB
 * @param backgroundImageUrl drawn over the colour when non-empty
 */
public record Canvas(int width, int height, int backgroundColor, String backgroundImageUrl) {

    public static final Canvas NONE = new Canvas(0, 0, 0, "");

    public static Canvas of(int width, int height) {
        return new Canvas(width, height, 0, "");
    }

    public boolean hasPicture() {
        return width > 0 && height > 0;
    }

    public boolean isPortrait() {
        return width < height;
    }
}
