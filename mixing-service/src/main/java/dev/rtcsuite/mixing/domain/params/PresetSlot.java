package dev.rtcsuite.mixing.domain.params;

import dev.rtcsuite.mixing.domain.StreamType;
import java.util.Objects;

/**
 * One preset position of the custom template.
 *
 * @param userId the user the entry is reserved for; empty = free, filled in entry order
 * @param zOrder layer 0–15, higher drawn above
 * @param placeImageUrl placeholder shown when place_holder_mode is on and no video is drawn; empty
 *     = none
 */
public record PresetSlot(
        String userId,
        StreamType streamType,
        Rect rect,
        int zOrder,
        RenderMode renderMode,
        MixInputType inputType,
        String placeImageUrl) {

    public PresetSlot {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(streamType, "streamType");
        Objects.requireNonNull(rect, "rect");
        Objects.requireNonNull(renderMode, "renderMode");
        Objects.requireNonNull(inputType, "inputType");
        Objects.requireNonNull(placeImageUrl, "placeImageUrl");
    }

    public boolean isReserved() {
        return !userId.isEmpty();
    }
}
