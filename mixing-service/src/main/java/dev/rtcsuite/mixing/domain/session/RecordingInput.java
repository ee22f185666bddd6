package dev.rtcsuite.mixing.domain.session;

import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.MixedInput;
import java.util.List;

/** A stream that a mixed recording charges for (SPEC R-4): mixed, with or without its video. */
public record RecordingInput(String userId, StreamType streamType, boolean videoMixed) {

    /** The mixed inputs of a layout, in entry order. */
    public static List<RecordingInput> of(Layout layout) {
        return layout.mixedInputs().stream().map(RecordingInput::of).toList();
    }

    private static RecordingInput of(MixedInput mixed) {
        return new RecordingInput(
                mixed.input().userId(), mixed.input().streamType(), mixed.videoMixed());
    }
}
