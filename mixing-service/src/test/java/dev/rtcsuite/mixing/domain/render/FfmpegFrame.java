package dev.rtcsuite.mixing.domain.render;

import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.layout.MixedInput;
import dev.rtcsuite.mixing.domain.preview.PngEncoder;
import dev.rtcsuite.mixing.domain.preview.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a render plan through the real {@code ffmpeg} (Debian package; `.ci/run` installs it): each
 * input of the layout is a {@code lavfi} source of one solid colour (plus a tone when it has
 * audio), each image a solid-colour PNG written with our own encoder; one frame comes back as RGB
 * bytes.
 */
final class FfmpegFrame {

    /** One rendered frame, rgb24. */
    record Frame(int width, int height, byte[] rgb) {
        int rgbAt(int x, int y) {
            int i = 3 * (y * width + x);
            return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
        }
    }

    private FfmpegFrame() {}

    static boolean available() {
        try {
            return new ProcessBuilder("ffmpeg", "-version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * @param inputColours colour of input k's picture
     * @param imageColours colour of each image URL of the plan
     */
    static Frame render(
            Layout layout,
            RenderPlan plan,
            List<Integer> inputColours,
            Map<String, Integer> imageColours,
            Path dir)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(
                        List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin"));
        List<MixedInput> inputs = layout.inputs();
        for (int k = 0; k < inputs.size(); k++) {
            command.addAll(
                    List.of(
                            "-f",
                            "lavfi",
                            "-i",
                            source(inputs.get(k).input(), inputColours.get(k))));
        }
        for (String url : plan.images()) {
            Path png = dir.resolve("image" + plan.images().indexOf(url) + ".png");
            Files.write(png, PngEncoder.encode(new Raster(64, 48, imageColours.get(url))));
            command.addAll(List.of("-i", png.toString()));
        }
        command.addAll(List.of("-filter_complex", plan.filterComplex()));
        Path out = dir.resolve("frame.rgb");
        if (plan.hasVideo()) {
            command.addAll(
                    List.of(
                            "-map",
                            "[vout]",
                            "-frames:v",
                            "1",
                            "-f",
                            "rawvideo",
                            "-pix_fmt",
                            "rgb24",
                            "-y",
                            out.toString()));
        }
        if (plan.hasAudio()) {
            command.addAll(List.of("-map", "[aout]", "-frames:a", "1", "-f", "null", "-"));
        }
        Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] log = ffmpeg.getInputStream().readAllBytes();
        if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new AssertionError(
                    "ffmpeg failed on the plan\n"
                            + plan.filterComplex()
                            + "\n"
                            + new String(log, StandardCharsets.UTF_8));
        }
        return plan.hasVideo()
                ? new Frame(
                        layout.canvas().width(), layout.canvas().height(), Files.readAllBytes(out))
                : new Frame(0, 0, new byte[0]);
    }

    private static String source(MixInput input, int colour) {
        String tone = "sine=frequency=440:duration=1";
        if (!input.hasVideo()) {
            return tone;
        }
        int width = input.width() > 0 ? input.width() : 320;
        int height = input.height() > 0 ? input.height() : 240;
        String picture = "color=c=0x%06X:s=%dx%d:r=15:d=1".formatted(colour, width, height);
        return input.hasAudio() ? picture + "[out0];" + tone + "[out1]" : picture;
    }
}
