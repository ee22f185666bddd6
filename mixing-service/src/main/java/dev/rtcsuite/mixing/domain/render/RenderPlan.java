package dev.rtcsuite.mixing.domain.render;

import java.util.List;

/**
 * An FFmpeg {@code filter_complex} graph that produces the mix from its inputs. FFmpeg inputs are,
 * in order, every input of the layout (input k = the layout's k-th input; only mixed ones are
 * referenced), then {@link #images()}. Outputs are labelled {@code [vout]} (absent for an
 * audio-only output) and {@code [aout]} (absent when no audio is mixed).
 *
 * @param images image inputs after the streams: background image, placeholders and watermark, each
 *     once, in order of first use
 */
public record RenderPlan(String filterComplex, List<String> images) {

    public RenderPlan {
        images = List.copyOf(images);
    }

    public boolean hasVideo() {
        return filterComplex.contains("[vout]");
    }

    public boolean hasAudio() {
        return filterComplex.contains("[aout]");
    }
}
