package dev.rtcsuite.recording.domain.room;

import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published streams of one room as stream events tell them, in room-entry order (user enter
 * time, then MAIN before AUX). {@code version} rises by one with each change.
 *
 * @param streamEventTimes event time of the last event applied per stream ({@code user|type}), kept
 *     after the stream ends: an older event of the stream, arriving late, is not applied
 */
public record RoomState(
        long sdkAppId,
        Room room,
        List<RoomStream> streams,
        boolean clientMixActive,
        boolean dismissed,
        long version,
        Instant updateTime,
        Map<String, Instant> streamEventTimes) {

    private static final Comparator<RoomStream> ENTRY_ORDER =
            Comparator.comparing(RoomStream::userEnterTime)
                    .thenComparing(RoomStream::userId)
                    .thenComparing(RoomStream::streamType);

    public RoomState {
        streams = List.copyOf(streams);
        streamEventTimes = streamEventTimes == null ? Map.of() : Map.copyOf(streamEventTimes);
    }

    public static RoomState empty(long sdkAppId, Room room, Instant at) {
        return new RoomState(sdkAppId, room, List.of(), false, false, 0, at, Map.of());
    }

    public Optional<RoomStream> stream(String userId, StreamType type) {
        return streams.stream().filter(s -> s.sameStream(userId, type)).findFirst();
    }

    /**
     * The room after the event; this same room when the event is older than one already applied to
     * its stream. A dismissed room that hears from a publisher again reopens.
     */
    public RoomState apply(StreamEvent event) {
        Map<String, Instant> times = new HashMap<>(streamEventTimes);
        if (streamLevel(event.kind())) {
            String key = event.userId() + "|" + event.streamType();
            Instant last = times.get(key);
            if (last != null && event.eventTime().isBefore(last)) {
                return this;
            }
            times.put(key, event.eventTime());
        }
        List<RoomStream> next = new ArrayList<>(streams);
        boolean mix = clientMixActive;
        boolean gone = dismissed;
        switch (event.kind()) {
            case PUBLISHED, MEDIA_CHANGED -> {
                Optional<RoomStream> old = stream(event.userId(), event.streamType());
                old.ifPresent(next::remove);
                next.add(
                        new RoomStream(
                                event.userId(),
                                event.streamType(),
                                event.effectiveStreamId(),
                                !event.streamId().isEmpty(),
                                event.userDefineRecordId(),
                                event.hasAudio(),
                                event.hasVideo(),
                                event.hasVideo() ? event.width() : 0,
                                event.hasVideo() ? event.height() : 0,
                                old.map(RoomStream::userEnterTime)
                                        .orElse(
                                                event.userEnterTime() == null
                                                        ? event.eventTime()
                                                        : event.userEnterTime()),
                                old.map(RoomStream::publishTime).orElse(event.eventTime())));
                gone = false;
            }
            case UNPUBLISHED ->
                    next.removeIf(s -> s.sameStream(event.userId(), event.streamType()));
            case ROOM_DISMISSED -> {
                next.clear();
                mix = false;
                gone = true;
            }
            case CLIENT_MIX_STARTED -> mix = true;
            case CLIENT_MIX_STOPPED -> mix = false;
        }
        next.sort(ENTRY_ORDER);
        return new RoomState(
                sdkAppId, room, next, mix, gone, version + 1, event.eventTime(), times);
    }

    private static boolean streamLevel(StreamEvent.Kind kind) {
        return kind == StreamEvent.Kind.PUBLISHED
                || kind == StreamEvent.Kind.UNPUBLISHED
                || kind == StreamEvent.Kind.MEDIA_CHANGED;
    }
}
