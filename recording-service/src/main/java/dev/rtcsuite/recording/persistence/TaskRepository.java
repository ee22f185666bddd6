package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.platform.persistence.ListQuerySql;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskKind;
import dev.rtcsuite.recording.domain.task.TaskState;
import dev.rtcsuite.recording.domain.usage.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Recording tasks with their usage meters; see V1__recording.sql. */
@ApplicationScoped
public class TaskRepository {

    /** A task as stored: with its meter and the billing zone that names its files. */
    public record StoredTask(RecordingTask task, UsageMeter meter, ZoneId zone) {

        public StoredTask with(RecordingTask changed, UsageMeter metered) {
            return new StoredTask(changed, metered, zone);
        }
    }

    /** A task and its place in list order (newest first = highest). */
    public record Listed(long listSeq, StoredTask stored) {}

    /** Filters of a task list. */
    public record ListQuery(
            long sdkAppId,
            Optional<Room> room,
            String userId,
            Set<TaskState> states,
            Set<TaskKind> kinds,
            String recordId,
            Optional<Instant> createdFrom,
            Optional<Instant> createdBefore,
            long afterSeq,
            int limit) {}

    private static final String COLUMNS = "task, meter, billing_zone, list_seq";

    private final Jdbc jdbc;

    public TaskRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredTask stored) {
        RecordingTask task = stored.task();
        var spec = task.spec();
        jdbc.update(
                "INSERT INTO recording_task (task_id, sdk_app_id, room_key, kind, state, user_id,"
                        + " stream_type, record_id, mix_session_id, billing_zone, task, meter,"
                        + " create_time, update_time, end_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, CAST(? AS timestamptz))",
                task.id(),
                spec.sdkAppId(),
                spec.room().key(),
                spec.kind().name(),
                task.state().name(),
                spec.userId(),
                spec.streamType().name(),
                spec.recordId(),
                spec.mixSessionId(),
                stored.zone().getId(),
                Documents.write(task),
                Documents.write(stored.meter()),
                spec.createTime(),
                task.updateTime(),
                task.endTime().orElse(null));
    }

    public void update(StoredTask stored) {
        RecordingTask task = stored.task();
        int changed =
                jdbc.update(
                        "UPDATE recording_task SET state = ?, task = CAST(? AS jsonb), meter ="
                                + " CAST(? AS jsonb), update_time = ?, end_time = CAST(? AS"
                                + " timestamptz) WHERE task_id = ?",
                        task.state().name(),
                        Documents.write(task),
                        Documents.write(stored.meter()),
                        task.updateTime(),
                        task.endTime().orElse(null),
                        task.id());
        if (changed != 1) {
            throw new IllegalStateException("task " + task.id() + " vanished");
        }
    }

    public Optional<StoredTask> find(String taskId) {
        return one("SELECT " + COLUMNS + " FROM recording_task WHERE task_id = ?", taskId);
    }

    public Optional<StoredTask> lock(String taskId) {
        return one(
                "SELECT " + COLUMNS + " FROM recording_task WHERE task_id = ? FOR UPDATE", taskId);
    }

    /** The anchor stream's task that the recorder may still write, locked. */
    public Optional<StoredTask> lockLiveStream(
            long sdkAppId, Room room, String userId, StreamType type) {
        return one(
                "SELECT "
                        + COLUMNS
                        + " FROM recording_task WHERE sdk_app_id = ? AND room_key = ? AND user_id ="
                        + " ? AND stream_type = ? AND kind = 'SINGLE_STREAM' AND state IN"
                        + " ('PENDING', 'RECORDING', 'INTERRUPTED') FOR UPDATE",
                sdkAppId,
                room.key(),
                userId,
                type.name());
    }

    /** Every task of the room that has not ended, locked, oldest first. */
    public List<StoredTask> lockUnended(long sdkAppId, Room room) {
        return jdbc.query(
                "SELECT "
                        + COLUMNS
                        + " FROM recording_task WHERE sdk_app_id = ? AND room_key = ? AND end_time"
                        + " IS NULL ORDER BY list_seq FOR UPDATE",
                TaskRepository::stored,
                sdkAppId,
                room.key());
    }

    /**
     * Every task of the app that the recorder may still write, locked, oldest first; such tasks
     * have not ended (no end_time), which lets recording_task_room serve it.
     */
    public List<StoredTask> lockLiveOfApp(long sdkAppId) {
        return jdbc.query(
                "SELECT "
                        + COLUMNS
                        + " FROM recording_task WHERE sdk_app_id = ? AND end_time IS NULL AND"
                        + " state IN ('PENDING', 'RECORDING', 'INTERRUPTED') ORDER BY list_seq FOR"
                        + " UPDATE",
                TaskRepository::stored,
                sdkAppId);
    }

    /** The apps with tasks that the recorder may still write. */
    public List<Long> appsWithLiveTasks() {
        return jdbc.query(
                "SELECT DISTINCT sdk_app_id FROM recording_task WHERE end_time IS NULL AND state"
                        + " IN ('PENDING', 'RECORDING', 'INTERRUPTED') ORDER BY sdk_app_id",
                row -> row.getLong(1));
    }

    /** The mixed task recording under {@code recordId} that has not ended, locked. */
    public Optional<StoredTask> lockUnendedMix(long sdkAppId, String recordId) {
        return one(
                "SELECT "
                        + COLUMNS
                        + " FROM recording_task WHERE sdk_app_id = ? AND record_id = ? AND kind ="
                        + " 'MIXED' AND end_time IS NULL FOR UPDATE",
                sdkAppId,
                recordId);
    }

    /** Serialises the creation of mixed tasks under one record id (transaction-scoped lock). */
    public void lockRecordId(long sdkAppId, String recordId) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, ?))",
                row -> null,
                "record:" + recordId,
                sdkAppId);
    }

    /** Tasks in these states of one app (0 = all), for watchers and periodic work. */
    public List<StoredTask> inStates(Set<TaskState> states, long sdkAppId) {
        String[] names = states.stream().map(Enum::name).toArray(String[]::new);
        String sql =
                "SELECT "
                        + COLUMNS
                        + " FROM recording_task WHERE state = ANY (?)"
                        + unendedOnly(states);
        if (sdkAppId == 0) {
            return jdbc.query(sql + " ORDER BY list_seq", TaskRepository::stored, (Object) names);
        }
        return jdbc.query(
                sql + " AND sdk_app_id = ? ORDER BY list_seq",
                TaskRepository::stored,
                names,
                sdkAppId);
    }

    /**
     * Tasks have an end time exactly when they have ended: saying so when only states of unended
     * tasks are asked for lets the indexes of unended tasks serve the query, not every task ever.
     */
    private static String unendedOnly(Set<TaskState> states) {
        return states.stream().anyMatch(TaskState::ended) ? "" : " AND end_time IS NULL";
    }

    /** Newest first, paged by list_seq. */
    public List<Listed> list(ListQuery query) {
        return new ListQuerySql(
                        "SELECT " + COLUMNS + " FROM recording_task WHERE sdk_app_id = ?",
                        query.sdkAppId())
                .equal("room_key", query.room().map(Room::key))
                .equal("user_id", query.userId())
                .anyOf("state", query.states())
                .anyOf("kind", query.kinds())
                .equal("record_id", query.recordId())
                .within("create_time", query.createdFrom(), query.createdBefore())
                .page(
                        jdbc,
                        query.afterSeq(),
                        true,
                        query.limit(),
                        row -> new Listed(row.getLong(4), stored(row)));
    }

    private Optional<StoredTask> one(String sql, Object... parameters) {
        return jdbc.query(sql, TaskRepository::stored, parameters).stream().findFirst();
    }

    private static StoredTask stored(ResultSet row) throws SQLException {
        return new StoredTask(
                Documents.read(row.getString(1), RecordingTask.class),
                Documents.read(row.getString(2), UsageMeter.class),
                ZoneId.of(row.getString(3)));
    }
}
