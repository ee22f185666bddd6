package dev.rtcsuite.mixing.persistence;

import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.session.EndReason;
import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.domain.session.SessionState;
import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.platform.persistence.ListQuerySql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Mix sessions, one row each; see V1__mix_sessions.sql. */
@ApplicationScoped
public class MixSessionRepository {

    /** A session and its place in list order (newest first = highest). */
    public record Listed(long listSeq, MixSession session) {}

    /** Filters of a session list. */
    public record ListQuery(
            long sdkAppId,
            Optional<Room> room,
            Set<SessionState> states,
            Optional<Instant> createdFrom,
            Optional<Instant> createdBefore,
            long afterSeq,
            int limit) {}

    /** The room of a live session. */
    public record LiveRoom(long sdkAppId, Room room) {}

    private static final String COLUMNS =
            "session_id, sdk_app_id, room_key, state, end_reason, failure_message, config,"
                    + " config_version, streams, room_version, layout_version, layout_time,"
                    + " outputs, usage_start, usage_seq, create_time, update_time, end_time,"
                    + " list_seq";

    private final Jdbc jdbc;

    public MixSessionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MixSession session) {
        Object[] row = new Object[MUTABLE.split(",").length + 4];
        row[0] = session.id();
        row[1] = session.sdkAppId();
        row[2] = session.room().key();
        row[3] = session.createTime();
        System.arraycopy(mutable(session), 0, row, 4, row.length - 4);
        jdbc.update(
                "INSERT INTO mix_session (session_id, sdk_app_id, room_key, create_time, "
                        + MUTABLE
                        + ") VALUES (?, ?, ?, ?, "
                        + MUTABLE_VALUES
                        + ")",
                row);
    }

    public void update(MixSession session) {
        Object[] values = mutable(session);
        Object[] row = java.util.Arrays.copyOf(values, values.length + 1);
        row[values.length] = session.id();
        if (jdbc.update(
                        "UPDATE mix_session SET ("
                                + MUTABLE
                                + ") = ("
                                + MUTABLE_VALUES
                                + ") WHERE session_id = ?",
                        row)
                != 1) {
            throw new IllegalStateException("session " + session.id() + " vanished");
        }
    }

    /** The columns a session's changes write, in the order of {@link #mutable}. */
    private static final String MUTABLE =
            "state, end_reason, failure_message, config, config_version, streams, room_version,"
                    + " layout_version, layout_time, outputs, usage_start, usage_seq, update_time,"
                    + " end_time";

    private static final String MUTABLE_VALUES =
            "?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, ?, ?, CAST(? AS jsonb), ?, ?, ?,"
                    + " CAST(? AS timestamptz)";

    private static Object[] mutable(MixSession session) {
        return new Object[] {
            session.state().name(),
            session.endReason().map(Enum::name).orElse(null),
            session.failureMessage(),
            Documents.write(session.config()),
            session.configVersion(),
            Documents.write(session.streams()),
            session.roomVersion(),
            session.layoutVersion(),
            session.layoutTime(),
            Documents.write(session.outputs()),
            session.usageStart(),
            session.usageSeq(),
            session.updateTime(),
            session.endTime().orElse(null)
        };
    }

    /** Serialises the callers that may create a room's session (transaction-scoped lock). */
    public void lockRoom(long sdkAppId, Room room) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, ?))",
                row -> null,
                room.key(),
                sdkAppId);
    }

    /** The room's live session, locked for update. */
    public Optional<MixSession> lockLive(long sdkAppId, Room room) {
        return one(
                "SELECT "
                        + COLUMNS
                        + " FROM mix_session WHERE sdk_app_id = ? AND room_key = ? AND state <>"
                        + " 'ENDED' FOR UPDATE",
                sdkAppId,
                room.key());
    }

    /** A session by id, locked for update. */
    public Optional<MixSession> lock(String sessionId) {
        return one(
                "SELECT " + COLUMNS + " FROM mix_session WHERE session_id = ? FOR UPDATE",
                sessionId);
    }

    public Optional<MixSession> find(String sessionId) {
        return one("SELECT " + COLUMNS + " FROM mix_session WHERE session_id = ?", sessionId);
    }

    /** The room's live session, else its most recently created one. */
    public Optional<MixSession> latest(long sdkAppId, Room room) {
        return one(
                "SELECT "
                        + COLUMNS
                        + " FROM mix_session WHERE sdk_app_id = ? AND room_key = ? ORDER BY"
                        + " (state <> 'ENDED') DESC, list_seq DESC LIMIT 1",
                sdkAppId,
                room.key());
    }

    /** Newest first, paged by list_seq. */
    public List<Listed> list(ListQuery query) {
        return new ListQuerySql(
                        "SELECT " + COLUMNS + " FROM mix_session WHERE sdk_app_id = ?",
                        query.sdkAppId())
                .equal("room_key", query.room().map(Room::key))
                .anyOf("state", query.states())
                .within("create_time", query.createdFrom(), query.createdBefore())
                .page(
                        jdbc,
                        query.afterSeq(),
                        true,
                        query.limit(),
                        row -> new Listed(row.getLong(19), session(row)));
    }

    /** Sessions a watcher starts with: in these states, of one app (0 = all). */
    public List<MixSession> inStates(Set<SessionState> states, long sdkAppId) {
        return jdbc.query(
                "SELECT "
                        + COLUMNS
                        + " FROM mix_session WHERE state = ANY (?) AND (? = 0 OR sdk_app_id = ?)"
                        + " ORDER BY list_seq",
                MixSessionRepository::session,
                states.stream().map(Enum::name).toArray(String[]::new),
                sdkAppId,
                sdkAppId);
    }

    public List<LiveRoom> liveRooms() {
        return jdbc.query(
                "SELECT sdk_app_id, room_key FROM mix_session WHERE state <> 'ENDED'",
                row -> new LiveRoom(row.getLong(1), Room.ofKey(row.getString(2))));
    }

    /** Removes an ended session and what hangs on it. */
    public boolean deleteEnded(String sessionId) {
        jdbc.update("DELETE FROM mix_worker_event WHERE session_id = ?", sessionId);
        jdbc.update("DELETE FROM recording_command WHERE session_id = ?", sessionId);
        return jdbc.update(
                        "DELETE FROM mix_session WHERE session_id = ? AND state = 'ENDED'",
                        sessionId)
                == 1;
    }

    /** Records a worker event id; false when it had been applied before. */
    public boolean recordWorkerEvent(String eventId, String sessionId, String kind, Instant now) {
        return jdbc.update(
                        "INSERT INTO mix_worker_event (event_id, session_id, kind, applied_time)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        eventId,
                        sessionId,
                        kind,
                        now)
                == 1;
    }

    private Optional<MixSession> one(String sql, Object... parameters) {
        return jdbc.query(sql, MixSessionRepository::session, parameters).stream().findFirst();
    }

    private static MixSession session(ResultSet row) throws SQLException {
        String endReason = row.getString(5);
        Instant endTime = Jdbc.instant(row, 18);
        return new MixSession(
                row.getString(1),
                row.getLong(2),
                Room.ofKey(row.getString(3)),
                SessionState.valueOf(row.getString(4)),
                Optional.ofNullable(endReason).map(EndReason::valueOf),
                row.getString(6),
                Documents.read(row.getString(7), MixConfig.class),
                row.getLong(8),
                Documents.read(row.getString(9), Documents.STREAMS),
                row.getLong(10),
                row.getLong(11),
                Jdbc.instant(row, 12),
                Documents.read(row.getString(13), Documents.OUTPUTS),
                Jdbc.instant(row, 14),
                row.getLong(15),
                Jdbc.instant(row, 16),
                Jdbc.instant(row, 17),
                Optional.ofNullable(endTime));
    }
}
