package dev.rtcsuite.mixing.testing;

import dev.rtcsuite.mixing.client.RoomFeed;
import dev.rtcsuite.mixing.client.RoomUpdate;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.session.RoomState;
import dev.rtcsuite.mixing.domain.session.RoomStream;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * recording-service's room streams, played by the test: rooms are set with {@link #publish}, which
 * delivers the update as the real feed does (a {@link RoomUpdate} event), synchronously.
 */
@Mock
@ApplicationScoped
public class FakeRoomFeed implements RoomFeed {

    private record Key(long sdkAppId, Room room) {}

    private final Map<Key, RoomState> rooms = new ConcurrentHashMap<>();
    private final Map<Key, Watched> watched = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();
    private final Event<RoomUpdate> events;
    private final Clock clock;

    public FakeRoomFeed(Event<RoomUpdate> events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The room's streams as they are now, each with the default stream id. */
    public RoomState publish(long sdkAppId, Room room, MixInput... inputs) {
        return publish(
                sdkAppId,
                room,
                new RoomState(
                        List.of(inputs).stream()
                                .map(
                                        i ->
                                                new RoomStream(
                                                        i,
                                                        sdkAppId
                                                                + "_"
                                                                + room
                                                                + "_"
                                                                + i.userId()
                                                                + "_"
                                                                + i.streamType().label()))
                                .toList(),
                        false,
                        false,
                        versions.incrementAndGet(),
                        clock.instant(),
                        false));
    }

    public RoomState publish(long sdkAppId, Room room, RoomState state) {
        rooms.put(new Key(sdkAppId, room), state);
        events.fire(new RoomUpdate(sdkAppId, room, state));
        return state;
    }

    public RoomState dismiss(long sdkAppId, Room room) {
        return publish(
                sdkAppId,
                room,
                new RoomState(
                        List.of(),
                        false,
                        true,
                        versions.incrementAndGet(),
                        clock.instant(),
                        false));
    }

    public RoomState clientMix(long sdkAppId, Room room) {
        return publish(
                sdkAppId,
                room,
                new RoomState(
                        List.of(),
                        true,
                        false,
                        versions.incrementAndGet(),
                        clock.instant(),
                        false));
    }

    /** The room is known (an empty room) without an update being delivered. */
    public void known(long sdkAppId, Room room) {
        rooms.putIfAbsent(
                new Key(sdkAppId, room),
                new RoomState(
                        List.of(),
                        false,
                        false,
                        versions.incrementAndGet(),
                        clock.instant(),
                        true));
    }

    public boolean isWatched(long sdkAppId, Room room) {
        return watched.containsKey(new Key(sdkAppId, room));
    }

    @Override
    public void watch(long sdkAppId, Room room) {
        watched.putIfAbsent(new Key(sdkAppId, room), new Watched(sdkAppId, room, clock.instant()));
    }

    @Override
    public void unwatch(long sdkAppId, Room room) {
        watched.remove(new Key(sdkAppId, room));
    }

    @Override
    public Set<Watched> watched() {
        return Set.copyOf(watched.values());
    }

    @Override
    public Optional<RoomState> current(long sdkAppId, Room room, Duration wait) {
        watch(sdkAppId, room);
        return Optional.ofNullable(rooms.get(new Key(sdkAppId, room)));
    }
}
