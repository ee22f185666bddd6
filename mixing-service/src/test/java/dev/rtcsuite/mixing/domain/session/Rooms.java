package dev.rtcsuite.mixing.domain.session;

import dev.rtcsuite.mixing.domain.layout.MixInput;
import java.time.Instant;
import java.util.List;

/** Room states for tests. */
public final class Rooms {

    private Rooms() {}

    public static RoomState room(long version, Instant time, MixInput... inputs) {
        return new RoomState(
                List.of(inputs).stream()
                        .map(
                                i ->
                                        new RoomStream(
                                                i,
                                                "1400000001_room_"
                                                        + i.userId()
                                                        + "_"
                                                        + i.streamType().label()))
                        .toList(),
                false,
                false,
                version,
                time,
                false);
    }

    public static RoomState dismissed(long version, Instant time) {
        return new RoomState(List.of(), false, true, version, time, false);
    }
}
