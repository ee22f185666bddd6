package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.StreamType;
import java.util.Objects;

/**
 * One stream of the room as the layout sees it; a layout takes them in room-entry order.
 *
 * @param width video width in px, 0 without video
 * @param height video height in px, 0 without video
 */
public record MixInput(
        String userId,
        StreamType streamType,
        boolean hasAudio,
        boolean hasVideo,
        int width,
        int height) {

    public MixInput {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(streamType, "streamType");
    }

    public static MixInput camera(String userId, int width, int height) {
        return new MixInput(userId, StreamType.MAIN, true, true, width, height);
    }

    public static MixInput screen(String userId, int width, int height) {
        return new MixInput(userId, StreamType.AUX, false, true, width, height);
    }

    public static MixInput audioOnly(String userId) {
        return new MixInput(userId, StreamType.MAIN, true, false, 0, 0);
    }

    public StreamKey key() {
        return new StreamKey(userId, streamType);
    }

    /** Whether it has a picture to show: video on, with a size. */
    public boolean hasPicture() {
        return hasVideo && width > 0 && height > 0;
    }
}
