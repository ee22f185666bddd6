package dev.rtcsuite.mixing.domain.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.layout.Canvas;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.LayoutEngine;
import dev.rtcsuite.mixing.domain.layout.LayoutFixtures;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.layout.MixedInput;
import dev.rtcsuite.mixing.domain.layout.Region;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.LayoutTemplate;
import dev.rtcsuite.mixing.domain.params.MixInputType;
import dev.rtcsuite.mixing.domain.params.PresetSlot;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import dev.rtcsuite.mixing.domain.params.SmallVideo;
import dev.rtcsuite.mixing.domain.params.Watermark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MIXING.md "render plan": the FFmpeg filter_complex of a layout, run through the real ffmpeg on
 * solid-colour lavfi inputs. One frame is rendered and the colour at the centre of every region, on
 * the letterbox bars and on the background is the one the layout says.
 */
@DisplayName("MIXING.md render plan, rendered by ffmpeg")
class FfmpegRenderPlanTest {

    /** yuv420p rounds colours; this is far below the distance between any two test colours. */
    private static final int TOLERANCE = 24;

    private static final int[] COLOURS = {
        0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF, 0xFF8000, 0x8000FF, 0x00FF80,
        0x0080FF, 0xFF0080, 0x80FF00, 0x804000, 0x408080, 0xC0C0C0, 0x800000, 0x008000
    };

    @TempDir Path dir;

    @BeforeAll
    static void ffmpegIsInstalled() {
        assertThat(FfmpegFrame.available())
                .as("the real ffmpeg is needed: apt-get install -y ffmpeg (.ci/run installs it)")
                .isTrue();
    }

    @Test
    void floatingWithAHeldAudioOnlySlot() throws Exception {
        List<MixInput> inputs = new ArrayList<>(LayoutFixtures.cameras(6));
        inputs.set(2, MixInput.audioOnly("u03"));
        check(
                LayoutEngine.compute(LayoutParams.DEFAULT, canvas(1280, 720, 0x202020), inputs),
                Map.of());
    }

    @Test
    void gridOfThreeOnAPortraitCanvasWithItsCentredLastRow() throws Exception {
        Layout layout =
                LayoutEngine.compute(
                        LayoutParams.of(LayoutTemplate.GRID),
                        canvas(608, 1080, 0x336699),
                        LayoutFixtures.cameras(3));
        assertThat(layout.regions().get(2).rect()).isEqualTo(new Rect(152, 540, 304, 540));
        check(layout, Map.of());
    }

    @Test
    void fullGridOfSixteenWithASeventeenthInputLeftOut() throws Exception {
        Layout layout =
                LayoutEngine.compute(
                        LayoutParams.of(LayoutTemplate.GRID),
                        canvas(640, 360, 0),
                        LayoutFixtures.cameras(17));
        check(layout, Map.of());
        assertThat(FfmpegRenderPlan.of(layout, FfmpegRenderPlan.Settings.DEFAULT).filterComplex())
                .doesNotContain("[16:");
    }

    @Test
    void rightAlignedScreenShareLetterboxesTheScreenOnTheBackgroundColour() throws Exception {
        LayoutParams params =
                LayoutParams.of(LayoutTemplate.SCREEN_SHARE)
                        .withMain(new StreamKey("teacher", StreamType.AUX))
                        .withRightAlign(true);
        List<MixInput> inputs =
                List.of(
                        MixInput.camera("teacher", 640, 480),
                        MixInput.screen("teacher", 1920, 1080),
                        MixInput.camera("s1", 320, 240));
        Layout layout = LayoutEngine.compute(params, canvas(1280, 720, 0x0000A0), inputs);
        Rect screen = layout.regions().get(1).rect();
        assertThat(screen).isEqualTo(new Rect(640, 0, 640, 720));

        FfmpegFrame.Frame frame = check(layout, Map.of());

        // 1920×1080 fitted into 640×720 is 640×360: bars of 180 px above and below.
        assertClose(frame.rgbAt(960, 60), 0x0000A0, "top bar of the fitted screen");
        assertClose(frame.rgbAt(960, 660), 0x0000A0, "bottom bar of the fitted screen");
    }

    @Test
    void pictureInPictureUnderAWatermark() throws Exception {
        LayoutParams params =
                LayoutParams.of(LayoutTemplate.PICTURE_IN_PICTURE)
                        .withSmallVideo(
                                new SmallVideo(
                                        new StreamKey("u02", StreamType.MAIN),
                                        new Rect(900, 40, 320, 180)))
                        .withWatermark(
                                new Watermark(
                                        "https://img.example.com/logo.png",
                                        new Rect(20, 20, 100, 60)));
        Layout layout =
                LayoutEngine.compute(params, canvas(1280, 720, 0), LayoutFixtures.cameras(3));

        FfmpegFrame.Frame frame =
                check(layout, Map.of("https://img.example.com/logo.png", 0xFFFFFF));

        assertClose(frame.rgbAt(70, 50), 0xFFFFFF, "the watermark");
    }

    @Test
    void customEntriesWithSharedPlaceholdersABackgroundImageAndBlackBars() throws Exception {
        String placeholder = "https://img.example.com/away.png";
        List<PresetSlot> slots =
                List.of(
                        new PresetSlot(
                                "host",
                                StreamType.MAIN,
                                new Rect(0, 0, 640, 360),
                                0,
                                RenderMode.FIT_BLACK,
                                MixInputType.AUDIO_VIDEO,
                                placeholder),
                        new PresetSlot(
                                "cohost",
                                StreamType.MAIN,
                                new Rect(640, 0, 640, 360),
                                0,
                                RenderMode.CROP,
                                MixInputType.AUDIO_VIDEO,
                                placeholder),
                        new PresetSlot(
                                "",
                                StreamType.MAIN,
                                new Rect(320, 180, 640, 360),
                                3,
                                RenderMode.CROP,
                                MixInputType.AUDIO_VIDEO,
                                ""),
                        new PresetSlot(
                                "",
                                StreamType.MAIN,
                                new Rect(0, 540, 200, 180),
                                1,
                                RenderMode.CROP,
                                MixInputType.AUDIO_ONLY,
                                ""));
        LayoutParams params = LayoutParams.of(LayoutTemplate.CUSTOM).withPresets(slots, true);
        Canvas canvas = new Canvas(1280, 720, 0x101010, "https://img.example.com/stage.jpg");
        List<MixInput> inputs =
                List.of(
                        MixInput.camera("host", 360, 360),
                        MixInput.camera("guest", 640, 360),
                        MixInput.camera("listener", 640, 360));
        Layout layout = LayoutEngine.compute(params, canvas, inputs);

        FfmpegFrame.Frame frame =
                check(
                        layout,
                        Map.of(
                                placeholder,
                                0xA0A0A0,
                                "https://img.example.com/stage.jpg",
                                0x6040C0));

        // host (360×360) fitted into 640×360 on black: bars 140 px left and right.
        assertClose(frame.rgbAt(40, 100), 0x000000, "black bar beside the host");
        assertClose(frame.rgbAt(1200, 650), 0x6040C0, "background image");
    }

    @Test
    void anAudioOnlyOutputMixesAudioOnly() throws Exception {
        Layout layout =
                LayoutEngine.compute(LayoutParams.DEFAULT, Canvas.NONE, LayoutFixtures.cameras(3));
        RenderPlan plan = FfmpegRenderPlan.of(layout, new FfmpegRenderPlan.Settings(15, 44_100, 1));

        assertThat(plan.hasVideo()).isFalse();
        assertThat(plan.filterComplex())
                .isEqualTo(
                        "[0:a][1:a][2:a]amix=inputs=3:duration=longest:normalize=0,"
                                + "aresample=44100,aformat=sample_fmts=fltp:channel_layouts=mono[aout]");
        FfmpegFrame.render(layout, plan, colours(layout), Map.of(), dir);
    }

    private static Canvas canvas(int width, int height, int background) {
        return new Canvas(width, height, background, "");
    }

    /** Renders one frame and checks every region's centre and the background. */
    private FfmpegFrame.Frame check(Layout layout, Map<String, Integer> imageColours)
            throws Exception {
        RenderPlan plan = FfmpegRenderPlan.of(layout, FfmpegRenderPlan.Settings.DEFAULT);
        List<Integer> colours = colours(layout);
        FfmpegFrame.Frame frame = FfmpegFrame.render(layout, plan, colours, imageColours, dir);
        Oracle oracle = new Oracle(layout, colours, imageColours);
        for (Region region : layout.regions()) {
            Rect r = region.rect();
            int x = r.x() + r.width() / 2;
            int y = r.y() + r.height() / 2;
            oracle.expected(x, y)
                    .ifPresent(
                            c ->
                                    assertClose(
                                            frame.rgbAt(x, y),
                                            c,
                                            "centre of " + region.label() + " " + r));
        }
        int backgrounds = 0;
        Canvas canvas = layout.canvas();
        for (int y = 3; y < canvas.height(); y += canvas.height() / 12) {
            for (int x = 3; x < canvas.width(); x += canvas.width() / 12) {
                if (oracle.onBackground(x, y)) {
                    assertClose(
                            frame.rgbAt(x, y), oracle.background(), "background at " + x + "," + y);
                    backgrounds++;
                }
            }
        }
        if (layout.regions().stream().mapToLong(rg -> rg.rect().area()).sum()
                < (long) canvas.width() * canvas.height()) {
            assertThat(backgrounds).as("some background was checked").isPositive();
        }
        return frame;
    }

    private static List<Integer> colours(Layout layout) {
        List<Integer> colours = new ArrayList<>();
        for (int k = 0; k < layout.inputs().size(); k++) {
            colours.add(COLOURS[k % COLOURS.length]);
        }
        return colours;
    }

    private static void assertClose(int actual, int expected, String where) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int a = actual >> shift & 0xFF;
            int e = expected >> shift & 0xFF;
            assertThat(Math.abs(a - e))
                    .as("%s: expected #%06X, got #%06X", where, expected, actual)
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }

    /** What a pixel should show: the topmost region at that point, or the background. */
    private record Oracle(Layout layout, List<Integer> colours, Map<String, Integer> images) {

        int background() {
            String url = layout.canvas().backgroundImageUrl();
            return url.isEmpty() ? layout.canvas().backgroundColor() : images.get(url);
        }

        boolean onBackground(int x, int y) {
            return layout.regions().stream().noneMatch(r -> near(r.rect(), x, y, 3))
                    && layout.watermark().map(w -> !near(w.rect(), x, y, 3)).orElse(true);
        }

        /** Empty when the point is too close to an edge for a sharp answer. */
        OptionalInt expected(int x, int y) {
            int colour = background();
            for (Region region : layout.regions()) {
                Rect r = region.rect();
                if (!near(r, x, y, 0)) {
                    continue;
                }
                if (near(r, x, y, 3) && !inside(r, x, y, 3)) {
                    return OptionalInt.empty();
                }
                if (region.placeholder()) {
                    colour = images.get(region.placeImageUrl());
                } else if (!region.mixVideo()) {
                    colour = layout.canvas().backgroundColor();
                } else {
                    colour = pictureColour(region, x, y);
                    if (colour < 0) {
                        return OptionalInt.empty();
                    }
                }
            }
            if (layout.watermark().isPresent() && near(layout.watermark().get().rect(), x, y, 3)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(colour);
        }

        /** The input's colour, or the bar colour outside its fitted picture (-1 near the edge). */
        private int pictureColour(Region region, int x, int y) {
            int k = indexOf(region);
            if (region.renderMode() == RenderMode.CROP) {
                return colours.get(k);
            }
            MixInput input = layout.inputs().get(k).input();
            Rect r = region.rect();
            double scale =
                    Math.min(
                            (double) r.width() / input.width(),
                            (double) r.height() / input.height());
            int w = (int) (input.width() * scale);
            int h = (int) (input.height() * scale);
            Rect picture =
                    new Rect(r.x() + (r.width() - w) / 2, r.y() + (r.height() - h) / 2, w, h);
            if (inside(picture, x, y, 3)) {
                return colours.get(k);
            }
            if (near(picture, x, y, 3)) {
                return -1;
            }
            return region.renderMode() == RenderMode.FIT ? layout.canvas().backgroundColor() : 0;
        }

        private int indexOf(Region region) {
            List<MixedInput> inputs = layout.inputs();
            for (int k = 0; k < inputs.size(); k++) {
                if (inputs.get(k)
                        .input()
                        .key()
                        .equals(new StreamKey(region.userId(), region.streamType()))) {
                    return k;
                }
            }
            throw new AssertionError("no input for " + region.label());
        }

        private static boolean near(Rect r, int x, int y, int margin) {
            return x >= r.x() - margin
                    && x < r.right() + margin
                    && y >= r.y() - margin
                    && y < r.bottom() + margin;
        }

        private static boolean inside(Rect r, int x, int y, int margin) {
            return x >= r.x() + margin
                    && x < r.right() - margin
                    && y >= r.y() + margin
                    && y < r.bottom() - margin;
        }
    }
}
