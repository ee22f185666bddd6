package dev.rtcsuite.mixing.domain.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.mixing.domain.layout.Canvas;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.LayoutEngine;
import dev.rtcsuite.mixing.domain.layout.LayoutFixtures;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.layout.Region;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.LayoutTemplate;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.Watermark;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MIXING.md "PNG picture of the canvas": our pure-Java PNG, read back with the JDK's own decoder
 * (test only), shows each region in its colour, labelled, on the background.
 */
@DisplayName("MIXING.md layout preview PNG")
class LayoutPictureTest {

    @Test
    void thePngDecodesToTheCanvasWithEveryRegionFilledAndTheBackgroundAround() throws IOException {
        List<MixInput> inputs =
                List.of(
                        MixInput.camera("alice", 640, 360),
                        MixInput.audioOnly("bob"),
                        MixInput.camera("carol", 640, 360));
        Layout layout =
                LayoutEngine.compute(
                        LayoutParams.of(LayoutTemplate.GRID)
                                .withWatermark(
                                        new Watermark(
                                                "https://img.example.com/wm.png",
                                                new Rect(1100, 20, 160, 90))),
                        new Canvas(1280, 720, 0x123456, ""),
                        inputs);

        BufferedImage image = decode(LayoutPicture.png(layout));

        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
        for (Region region : layout.regions()) {
            Rect r = region.rect();
            assertThat(rgb(image, r.x() + r.width() / 2, r.bottom() - 10))
                    .as(region.label())
                    .isEqualTo(LayoutPicture.fillOf(layout, region));
        }
        assertThat(LayoutPicture.fillOf(layout, layout.regions().get(1)))
                .isEqualTo(LayoutPicture.NO_VIDEO);
        // The third cell is centred on the last row: its left is background.
        assertThat(rgb(image, 100, 600)).isEqualTo(0x123456);
        assertThat(rgb(image, 1100, 60)).isEqualTo(LayoutPicture.WATERMARK);
    }

    @Test
    void regionsAreLabelledWithTheirUserInTheTopLeftCorner() throws IOException {
        Layout layout =
                LayoutEngine.compute(
                        LayoutParams.of(LayoutTemplate.GRID),
                        Canvas.of(640, 360),
                        LayoutFixtures.cameras(1));
        Raster raster = LayoutPicture.draw(layout);
        int fill = LayoutPicture.fillOf(layout, layout.regions().getFirst());

        // "u01 main" at scale 4 from (4, 4): the 'u' glyph's first column is 0x3C, rows 2–5.
        int ink = LayoutPicture.ink(fill);
        assertThat(raster.rgb(4 + 1, 4 + 2 * 4 + 1)).isEqualTo(ink);
        assertThat(raster.rgb(4 + 1, 4 + 1)).isEqualTo(fill);
        assertThat(decode(PngEncoder.encode(raster)).getRGB(5, 13) & 0xFFFFFF).isEqualTo(ink);
    }

    @Test
    void glyphsAreTheFiveBySevenTableAndUnknownCharactersShowAsQuestionMarks() {
        // 'A' = 7E 11 11 11 7E: the left column is set on rows 1–6, the top row on columns 1–3.
        assertThat(BitmapFont.isSet('A', 0, 0)).isFalse();
        assertThat(BitmapFont.isSet('A', 0, 6)).isTrue();
        assertThat(BitmapFont.isSet('A', 2, 0)).isTrue();
        assertThat(BitmapFont.isSet('A', 2, 3)).isFalse();
        for (int x = 0; x < BitmapFont.GLYPH_WIDTH; x++) {
            for (int y = 0; y < BitmapFont.GLYPH_HEIGHT; y++) {
                assertThat(BitmapFont.isSet('é', x, y)).isEqualTo(BitmapFont.isSet('?', x, y));
            }
        }
        assertThat(BitmapFont.width("abc", 2)).isEqualTo((3 * 6 - 1) * 2);
    }

    @Test
    void aLargeCanvasIsSmallWhenMostlyFlat() throws IOException {
        Layout layout =
                LayoutEngine.compute(
                        LayoutParams.DEFAULT, Canvas.of(1920, 1080), LayoutFixtures.cameras(16));

        byte[] png = LayoutPicture.png(layout);

        assertThat(png.length).isLessThan(200_000);
        assertThat(decode(png).getWidth()).isEqualTo(1920);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG the JDK can read").isNotNull();
        return image;
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
