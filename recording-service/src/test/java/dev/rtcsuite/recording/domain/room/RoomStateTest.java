package dev.rtcsuite.recording.domain.room;

import static dev.rtcsuite.recording.domain.task.Tasks.APP;
import static dev.rtcsuite.recording.domain.task.Tasks.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The room view mixing-service lays out from: entry order, and each stream's events in time order.
 */
class RoomStateTest {

    private static final Room ROOM = Room.numeric(1234);

    private static StreamEvent event(
            StreamEvent.Kind kind, String user, Instant at, Instant entered) {
        return new StreamEvent(
                "e-" + user + at + kind,
                kind,
                APP,
                ROOM,
                user,
                StreamType.MAIN,
                "",
                "",
                true,
                true,
                640,
                360,
                at,
                entered);
    }

    @Test
    void streamsAreInRoomEntryOrder() {
        RoomState room =
                RoomState.empty(APP, ROOM, T0)
                        .apply(
                                event(
                                        StreamEvent.Kind.PUBLISHED,
                                        "late",
                                        T0.plusSeconds(5),
                                        T0.plusSeconds(4)))
                        .apply(
                                event(
                                        StreamEvent.Kind.PUBLISHED,
                                        "early",
                                        T0.plusSeconds(6),
                                        T0.plusSeconds(1)));
        assertThat(room.streams()).extracting(RoomStream::userId).containsExactly("early", "late");
        assertThat(room.version()).isEqualTo(2);
    }

    @Test
    void anOlderEventOfAStreamArrivingLateIsNotApplied() {
        // the media plane reports at least once and out of order: publish at t+10, unpublish at
        // t+20
        // arrives first, then the publish
        RoomState room =
                RoomState.empty(APP, ROOM, T0)
                        .apply(
                                event(
                                        StreamEvent.Kind.UNPUBLISHED,
                                        "alice",
                                        T0.plusSeconds(20),
                                        T0));
        RoomState after =
                room.apply(event(StreamEvent.Kind.PUBLISHED, "alice", T0.plusSeconds(10), T0));
        assertThat(after).isSameAs(room);
        assertThat(after.streams()).isEmpty();
        // a newer publish is applied
        assertThat(
                        room.apply(
                                        event(
                                                StreamEvent.Kind.PUBLISHED,
                                                "alice",
                                                T0.plusSeconds(30),
                                                T0))
                                .streams())
                .hasSize(1);
    }
}
