package dev.rtcsuite.mixing.domain.render;

import dev.rtcsuite.mixing.domain.layout.Canvas;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.MixedInput;
import dev.rtcsuite.mixing.domain.layout.Region;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import dev.rtcsuite.mixing.domain.params.Watermark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the render plan of a layout for an MCU worker (MIXING.md, proto ComputedLayout): the
 * background colour, the background image scaled over it, each region's picture scaled to its
 * rectangle (crop to cover, or fit inside on the background colour or on black) and overlaid in
 * drawing order — a placeholder image, or a background-colour box for a held slot without video —
 * the watermark last; the heard audio summed and converted to the output format.
 */
public final class FfmpegRenderPlan {

    /**
     * What of the encoding the graph itself fixes.
     *
     * @param framerate fps of the canvas
     * @param sampleRate Hz of the mixed audio
     * @param channels of the mixed audio, 1 or 2
     */
    public record Settings(int framerate, int sampleRate, int channels) {
        public static final Settings DEFAULT = new Settings(15, 48_000, 2);
    }

    private FfmpegRenderPlan() {}

    public static RenderPlan of(Layout layout, Settings settings) {
        return new Writer(layout, settings).write();
    }

    /** 0xRRGGBB, upper case, as FFmpeg's colour syntax takes it. */
    static String hex(int rgb) {
        String digits = Integer.toHexString(0x1000000 | (rgb & 0xFFFFFF)).toUpperCase(Locale.ROOT);
        return "0x" + digits.substring(1);
    }

    /** One graph being written. Image inputs are numbered after the streams, as first used. */
    private static final class Writer {
        private final Layout layout;
        private final Settings settings;
        private final List<String> chains = new ArrayList<>();
        private final Map<String, List<String>> imageUses = new LinkedHashMap<>();
        private int labels;

        Writer(Layout layout, Settings settings) {
            this.layout = layout;
            this.settings = settings;
        }

        RenderPlan write() {
            if (layout.canvas().hasPicture()) {
                video(layout.canvas());
            }
            audio();
            List<String> graph = new ArrayList<>(imageSources());
            graph.addAll(chains);
            return new RenderPlan(String.join(";", graph), List.copyOf(imageUses.keySet()));
        }

        private void video(Canvas canvas) {
            String base = label("bg");
            chains.add(colour(canvas.backgroundColor(), canvas.width(), canvas.height()) + base);
            if (!canvas.backgroundImageUrl().isEmpty()) {
                base =
                        overlay(
                                base,
                                scaled(
                                        image(canvas.backgroundImageUrl()),
                                        canvas.width(),
                                        canvas.height()),
                                0,
                                0);
            }
            for (Region region : layout.regions()) {
                if (region.mixVideo()) {
                    base = overlay(base, fitted(stream(region), region), region.rect());
                } else if (region.placeholder()) {
                    base =
                            overlay(
                                    base,
                                    fitted(image(region.placeImageUrl()), region),
                                    region.rect());
                } else {
                    base = overlay(base, backgroundBox(region.rect()), region.rect());
                }
            }
            if (layout.watermark().isPresent()) {
                Watermark mark = layout.watermark().get();
                base =
                        overlay(
                                base,
                                scaled(
                                        image(mark.url()),
                                        mark.rect().width(),
                                        mark.rect().height()),
                                mark.rect());
            }
            chains.add(base + "format=yuv420p[vout]");
        }

        private void audio() {
            List<String> heard = new ArrayList<>();
            List<MixedInput> inputs = layout.inputs();
            for (int k = 0; k < inputs.size(); k++) {
                if (inputs.get(k).audioMixed()) {
                    heard.add("[" + k + ":a]");
                }
            }
            if (heard.isEmpty()) {
                return;
            }
            String format =
                    "aresample="
                            + settings.sampleRate()
                            + ",aformat=sample_fmts=fltp:channel_layouts="
                            + (settings.channels() == 1 ? "mono" : "stereo")
                            + "[aout]";
            chains.add(
                    heard.size() == 1
                            ? heard.getFirst() + format
                            : String.join("", heard)
                                    + "amix=inputs="
                                    + heard.size()
                                    + ":duration=longest:normalize=0,"
                                    + format);
        }

        /** Scales a picture to its region: cover and crop, or fit inside on bars. */
        private String fitted(String source, Region region) {
            Rect rect = region.rect();
            String size = rect.width() + ":" + rect.height();
            String filter =
                    region.placeholder() || region.renderMode() == RenderMode.CROP
                            ? "scale=" + size + ":force_original_aspect_ratio=increase,crop=" + size
                            : "scale="
                                    + size
                                    + ":force_original_aspect_ratio=decrease,pad="
                                    + size
                                    + ":(ow-iw)/2:(oh-ih)/2:color="
                                    + (region.renderMode() == RenderMode.FIT
                                            ? hex(layout.canvas().backgroundColor())
                                            : "black");
            String out = label("r");
            chains.add(source + filter + ",setsar=1" + out);
            return out;
        }

        /** A held slot without video shows the background colour, also over lower regions. */
        private String backgroundBox(Rect rect) {
            String out = label("b");
            chains.add(
                    colour(layout.canvas().backgroundColor(), rect.width(), rect.height()) + out);
            return out;
        }

        /** A colour source of this size at the canvas frame rate. */
        private String colour(int rgb, int width, int height) {
            return "color=c="
                    + hex(rgb)
                    + ":s="
                    + width
                    + "x"
                    + height
                    + ":r="
                    + settings.framerate();
        }

        private String scaled(String source, int width, int height) {
            String out = label("s");
            chains.add(source + "scale=" + width + ":" + height + ",setsar=1" + out);
            return out;
        }

        private String stream(Region region) {
            List<MixedInput> inputs = layout.inputs();
            for (int k = 0; k < inputs.size(); k++) {
                var input = inputs.get(k).input();
                if (input.userId().equals(region.userId())
                        && input.streamType() == region.streamType()) {
                    return "[" + k + ":v]";
                }
            }
            throw new IllegalStateException("a region of an unknown input: " + region.label());
        }

        /** A new use of an image input, fed by {@link #imageSources()}. */
        private String image(String url) {
            List<String> uses = imageUses.computeIfAbsent(url, u -> new ArrayList<>());
            int image = new ArrayList<>(imageUses.keySet()).indexOf(url);
            String use = "[img" + image + "_" + uses.size() + "]";
            uses.add(use);
            return use;
        }

        /** Each image input feeds its uses: directly when used once, else through split. */
        private List<String> imageSources() {
            List<String> sources = new ArrayList<>();
            int index = layout.inputs().size();
            for (List<String> uses : imageUses.values()) {
                String input = "[" + index++ + ":v]";
                sources.add(
                        uses.size() == 1
                                ? input + "null" + uses.getFirst()
                                : input + "split=" + uses.size() + String.join("", uses));
            }
            return sources;
        }

        private String overlay(String base, String top, Rect rect) {
            return overlay(base, top, rect.x(), rect.y());
        }

        private String overlay(String base, String top, int x, int y) {
            String out = label("v");
            chains.add(base + top + "overlay=x=" + x + ":y=" + y + out);
            return out;
        }

        private String label(String prefix) {
            return "[" + prefix + labels++ + "]";
        }
    }
}
