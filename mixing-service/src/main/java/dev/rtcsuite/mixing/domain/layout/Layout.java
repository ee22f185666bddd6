package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.params.Watermark;
import java.util.List;
import java.util.Optional;

/**
 * A computed layout: what {@link LayoutEngine} returns for a template, a canvas, the room's inputs
 * in entry order and the layout parameters.
 *
 * @param inputs every input in entry order, with what of each is mixed (at most 16 are)
 * @param regions in drawing order: z ascending, then input order
 * @param watermark drawn above everything
 */
public record Layout(
        Canvas canvas,
        List<MixedInput> inputs,
        List<Region> regions,
        Optional<Watermark> watermark) {

    public Layout {
        inputs = List.copyOf(inputs);
        regions = List.copyOf(regions);
    }

    public List<MixedInput> mixedInputs() {
        return inputs.stream().filter(MixedInput::isMixed).toList();
    }
}
