package dev.rtcsuite.mixing.client;

import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.session.RoomState;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The streams of the rooms being mixed, from recording-service's WatchRoomStreams. Each watched
 * room's changes are fired as {@link RoomUpdate} CDI events, in order per room.
 */
public interface RoomFeed {

    /** A watched room. */
    record Watched(long sdkAppId, Room room, java.time.Instant since) {}

    /** Watches the room unless it is watched already. */
    void watch(long sdkAppId, Room room);

    /** Stops watching the room. */
    void unwatch(long sdkAppId, Room room);

    Set<Watched> watched();

    /**
     * The room's current streams: watches it and waits up to {@code wait} for its state; empty when
     * recording-service did not answer in time.
     */
    Optional<RoomState> current(long sdkAppId, Room room, Duration wait);
}
