package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.params.LayoutParams;
import java.util.List;

/**
 * The layout engine (MIXING.md "What the layout engine returns"): a pure function of (template,
 * canvas, inputs in room-entry order, layout parameters) to regions and what of each input is
 * mixed. Inputs are expected valid (unique streams); parameters validated by {@code
 * MixConfigRules}.
 */
public final class LayoutEngine {

    private LayoutEngine() {}

    public static Layout compute(LayoutParams params, Canvas canvas, List<MixInput> inputs) {
        LayoutContext context = new LayoutContext(params, canvas, List.copyOf(inputs));
        return switch (params.template()) {
            case FLOATING -> FloatingTemplate.place(context);
            case GRID -> GridTemplate.place(context);
            case SCREEN_SHARE -> ScreenShareTemplate.place(context);
            case PICTURE_IN_PICTURE -> PictureInPictureTemplate.place(context);
            case CUSTOM -> CustomTemplate.place(context);
        };
    }
}
