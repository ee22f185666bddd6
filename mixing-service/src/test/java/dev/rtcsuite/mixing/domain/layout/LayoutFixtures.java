package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.LayoutTemplate;
import dev.rtcsuite.mixing.domain.params.MixInputType;
import dev.rtcsuite.mixing.domain.params.PresetSlot;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import dev.rtcsuite.mixing.domain.params.SmallVideo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Inputs, canvases and layout parameters shared by the layout tests. */
public final class LayoutFixtures {

    public static final Canvas LANDSCAPE = Canvas.of(1280, 720);
    public static final Canvas PORTRAIT = Canvas.of(608, 1080);

    private LayoutFixtures() {}

    /** u01 … uNN, each a 640 × 360 camera with audio, in entry order. */
    public static List<MixInput> cameras(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> MixInput.camera(user(i), 640, 360))
                .toList();
    }

    public static String user(int i) {
        return "u%02d".formatted(i);
    }

    /** The parameters the golden files use for each template. */
    public static LayoutParams goldenParams(LayoutTemplate template, Canvas canvas) {
        LayoutParams params = LayoutParams.of(template);
        return switch (template) {
            case PICTURE_IN_PICTURE ->
                    params.withSmallVideo(
                            new SmallVideo(
                                    new StreamKey(user(2), StreamType.MAIN),
                                    new Rect(
                                            canvas.width() * 3 / 4 - 8,
                                            8,
                                            canvas.width() / 4,
                                            canvas.height() / 4)));
            case CUSTOM -> params.withPresets(customPresets(canvas), true);
            default -> params;
        };
    }

    /**
     * A reserved full-canvas entry for u03 (z 0) and fifteen free tiles (z 1) along the bottom and
     * right edges: sixteen entries, so a seventeenth stream is not mixed.
     */
    public static List<PresetSlot> customPresets(Canvas canvas) {
        List<PresetSlot> slots = new ArrayList<>();
        slots.add(
                new PresetSlot(
                        user(3),
                        StreamType.MAIN,
                        new Rect(0, 0, canvas.width(), canvas.height()),
                        0,
                        RenderMode.FIT,
                        MixInputType.AUDIO_VIDEO,
                        "https://img.example.com/absent.png"));
        int tileWidth = canvas.width() / 8;
        int tileHeight = canvas.height() / 8;
        for (int k = 0; k < 15; k++) {
            Rect rect =
                    k < 8
                            ? new Rect(
                                    k * tileWidth,
                                    canvas.height() - tileHeight,
                                    tileWidth,
                                    tileHeight)
                            : new Rect(
                                    canvas.width() - tileWidth,
                                    (k - 8) * tileHeight,
                                    tileWidth,
                                    tileHeight);
            slots.add(
                    new PresetSlot(
                            "",
                            StreamType.MAIN,
                            rect,
                            1,
                            RenderMode.CROP,
                            MixInputType.AUDIO_VIDEO,
                            ""));
        }
        return slots;
    }

    /** One line per region: {@code user type WxH@x,y z=.. mode video|audio|placeholder}. */
    public static String describe(Layout layout) {
        StringBuilder text = new StringBuilder();
        for (Region region : layout.regions()) {
            text.append(
                    "%s %s %s z=%d %s %s%n"
                            .formatted(
                                    region.userId().isEmpty() ? "-" : region.userId(),
                                    region.streamType().label(),
                                    region.rect(),
                                    region.z(),
                                    region.renderMode(),
                                    region.mixVideo()
                                            ? "video"
                                            : region.placeholder() ? "placeholder" : "no-video"));
        }
        List<String> unmixed =
                layout.inputs().stream()
                        .filter(i -> !i.isMixed())
                        .map(i -> i.input().key().toString())
                        .toList();
        text.append("not mixed: ")
                .append(unmixed.isEmpty() ? "-" : String.join(" ", unmixed))
                .append('\n');
        return text.toString();
    }
}
