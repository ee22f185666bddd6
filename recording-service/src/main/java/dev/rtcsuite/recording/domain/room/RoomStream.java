package dev.rtcsuite.recording.domain.room;

import dev.rtcsuite.recording.domain.StreamType;
import java.time.Instant;

/**
 * One published stream of a room.
 *
 * @param streamId the effective stream id (the default one when the publisher set none)
 * @param customStreamId whether the publisher set the stream id
 */
public record RoomStream(
        String userId,
        StreamType streamType,
        String streamId,
        boolean customStreamId,
        String userDefineRecordId,
        boolean hasAudio,
        boolean hasVideo,
        int width,
        int height,
        Instant userEnterTime,
        Instant publishTime) {

    public boolean sameStream(String otherUser, StreamType otherType) {
        return userId.equals(otherUser) && streamType == otherType;
    }
}
