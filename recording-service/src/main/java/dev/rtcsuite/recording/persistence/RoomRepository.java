package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.room.RoomState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The streams of each room (SPEC C-2); see V1__recording.sql. */
@ApplicationScoped
public class RoomRepository {

    private final Jdbc jdbc;

    public RoomRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The room's state locked for a change; an unknown room is created empty first. */
    public RoomState lock(long sdkAppId, Room room, Instant now) {
        jdbc.update(
                "INSERT INTO room_state (sdk_app_id, room_key, state, version, live, update_time)"
                        + " VALUES (?, ?, CAST(? AS jsonb), 0, false, ?) ON CONFLICT DO NOTHING",
                sdkAppId,
                room.key(),
                Documents.write(RoomState.empty(sdkAppId, room, now)),
                now);
        return jdbc.query(
                        "SELECT state FROM room_state WHERE sdk_app_id = ? AND room_key = ? FOR"
                                + " UPDATE",
                        row -> Documents.read(row.getString(1), RoomState.class),
                        sdkAppId,
                        room.key())
                .getFirst();
    }

    public void save(RoomState state) {
        jdbc.update(
                "UPDATE room_state SET state = CAST(? AS jsonb), version = ?, live = ?,"
                        + " update_time = ? WHERE sdk_app_id = ? AND room_key = ?",
                Documents.write(state),
                state.version(),
                !state.dismissed() && !state.streams().isEmpty(),
                state.updateTime(),
                state.sdkAppId(),
                state.room().key());
    }

    public Optional<RoomState> find(long sdkAppId, Room room) {
        return jdbc
                .query(
                        "SELECT state FROM room_state WHERE sdk_app_id = ? AND room_key = ?",
                        row -> Documents.read(row.getString(1), RoomState.class),
                        sdkAppId,
                        room.key())
                .stream()
                .findFirst();
    }

    /** The rooms of an app with published streams. */
    public List<RoomState> live(long sdkAppId) {
        return jdbc.query(
                "SELECT state FROM room_state WHERE sdk_app_id = ? AND live ORDER BY room_key",
                row -> Documents.read(row.getString(1), RoomState.class),
                sdkAppId);
    }
}
