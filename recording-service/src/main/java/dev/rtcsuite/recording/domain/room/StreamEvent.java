package dev.rtcsuite.recording.domain.room;

import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import java.time.Instant;

/** A fact about a stream, reported by the media plane (SPEC C-2). */
public record StreamEvent(
        String eventId,
        Kind kind,
        long sdkAppId,
        Room room,
        String userId,
        StreamType streamType,
        String streamId,
        String userDefineRecordId,
        boolean hasAudio,
        boolean hasVideo,
        int width,
        int height,
        Instant eventTime,
        Instant userEnterTime) {

    public enum Kind {
        PUBLISHED,
        UNPUBLISHED,
        MEDIA_CHANGED,
        ROOM_DISMISSED,
        CLIENT_MIX_STARTED,
        CLIENT_MIX_STOPPED
    }

    /**
     * The stream id as published: the publisher's, else {@code
     * {sdkappid}_{roomid}_{userid}_{main|aux}}.
     */
    public String effectiveStreamId() {
        return streamId.isEmpty()
                ? sdkAppId + "_" + room.id() + "_" + userId + "_" + streamType.suffix()
                : streamId;
    }
}
