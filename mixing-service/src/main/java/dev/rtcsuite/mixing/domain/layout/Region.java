package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;

/**
 * One rectangle of a computed layout.
 *
 * @param userId the user shown; empty for the placeholder of a free custom entry
 * @param z layer 0–15, higher drawn above
 * @param mixVideo whether the user's video is drawn; false: the slot shows the background or the
 *     placeholder
 * @param placeholder whether {@code placeImageUrl} is drawn instead of video
 */
public record Region(
        String userId,
        StreamType streamType,
        Rect rect,
        int z,
        RenderMode renderMode,
        boolean mixVideo,
        boolean placeholder,
        String placeImageUrl) {

    static Region video(MixInput input, Rect rect, int z, RenderMode mode, boolean mixVideo) {
        return new Region(input.userId(), input.streamType(), rect, z, mode, mixVideo, false, "");
    }

    public boolean drawsSomething() {
        return mixVideo || placeholder;
    }

    /** {@code alice main}, as labelled in previews. */
    public String label() {
        return userId.isEmpty() ? "(free)" : userId + " " + streamType.label();
    }
}
