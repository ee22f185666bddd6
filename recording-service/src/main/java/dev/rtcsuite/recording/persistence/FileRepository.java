package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.platform.persistence.ListQuerySql;
import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import dev.rtcsuite.recording.domain.files.FileState;
import dev.rtcsuite.recording.domain.files.MediaFile;
import dev.rtcsuite.recording.domain.files.MediaQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The media index (SPEC C-5); see V1__recording.sql. */
@ApplicationScoped
public class FileRepository {

    /** A file and its place in creation order. */
    public record Listed(long listSeq, MediaFile file) {}

    static final String COLUMNS =
            "file_id, task_id, file_sequence, format, name, sdk_app_id, room_key, user_id,"
                    + " stream_type, stream_id, user_define_record_id, record_id, start_time,"
                    + " end_time, duration_millis, size_bytes, storage_url, storage_sub_app,"
                    + " expire_time, state, create_time, list_seq";

    private final Jdbc jdbc;

    public FileRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Indexes a file; false when the task's file of that sequence and format was already. A file
     * indexed AVAILABLE is stored from its creation.
     */
    public boolean insert(MediaFile file) {
        return jdbc.update(
                        "INSERT INTO media_file ("
                                + COLUMNS.substring(0, COLUMNS.lastIndexOf(','))
                                + ", store_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                + " ?, ?, ?, ?, ?, CAST(? AS timestamptz), ?, ?, CAST(? AS"
                                + " timestamptz)) ON CONFLICT (task_id, file_sequence, format) DO"
                                + " NOTHING",
                        file.fileId(),
                        file.taskId(),
                        file.fileSequence(),
                        file.format().name(),
                        file.name(),
                        file.sdkAppId(),
                        file.room().key(),
                        file.userId(),
                        file.streamType().name(),
                        file.streamId(),
                        file.userDefineRecordId(),
                        file.recordId(),
                        file.startTime(),
                        file.endTime(),
                        file.duration().toMillis(),
                        file.sizeBytes(),
                        file.storageUrl(),
                        file.storageSubApp(),
                        file.expireTime().orElse(null),
                        file.state().name(),
                        file.createTime(),
                        file.state() == FileState.AVAILABLE ? file.createTime() : null)
                == 1;
    }

    /**
     * Writes a file that the recorder has now stored (after retried uploads): AVAILABLE, its size
     * and storage place, and when it was stored (storage is charged from then, SPEC R-7).
     */
    public void markStored(MediaFile file, Instant at) {
        jdbc.update(
                "UPDATE media_file SET state = ?, size_bytes = ?, storage_url = ?, store_time ="
                        + " coalesce(store_time, ?) WHERE file_id = ?",
                file.state().name(),
                file.sizeBytes(),
                file.storageUrl(),
                at,
                file.fileId());
    }

    /** Writes a file's state, size and storage place. */
    public void update(MediaFile file, Optional<Instant> deleteTime) {
        jdbc.update(
                "UPDATE media_file SET state = ?, size_bytes = ?, storage_url = ?, delete_time ="
                        + " CAST(? AS timestamptz) WHERE file_id = ?",
                file.state().name(),
                file.sizeBytes(),
                file.storageUrl(),
                deleteTime.orElse(null),
                file.fileId());
    }

    public Optional<MediaFile> find(String fileId) {
        return one("SELECT " + COLUMNS + " FROM media_file WHERE file_id = ?", fileId);
    }

    public Optional<MediaFile> lock(String fileId) {
        return one("SELECT " + COLUMNS + " FROM media_file WHERE file_id = ? FOR UPDATE", fileId);
    }

    public Optional<MediaFile> lockOfTask(String taskId, int sequence, FileFormat format) {
        return one(
                "SELECT "
                        + COLUMNS
                        + " FROM media_file WHERE task_id = ? AND file_sequence = ? AND format = ?"
                        + " FOR UPDATE",
                taskId,
                sequence,
                format.name());
    }

    public List<MediaFile> ofTask(String taskId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM media_file WHERE task_id = ? ORDER BY list_seq",
                FileRepository::file,
                taskId);
    }

    /** A page of a search, in creation order either way; DELETED files are never returned. */
    public List<Listed> search(MediaQuery query) {
        ListQuerySql sql =
                new ListQuerySql(
                        "SELECT "
                                + COLUMNS
                                + " FROM media_file WHERE sdk_app_id = ? AND state <> 'DELETED'",
                        query.sdkAppId());
        if (!query.namePrefix().isEmpty()) {
            sql.and("starts_with(name, ?)", query.namePrefix());
        }
        if (!query.text().isEmpty()) {
            String text = query.text().toLowerCase(Locale.ROOT);
            sql.and(
                    "(strpos(lower(name), ?) > 0 OR strpos(lower(user_id), ?) > 0 OR"
                            + " strpos(lower(stream_id), ?) > 0 OR"
                            + " strpos(lower(user_define_record_id), ?) > 0 OR"
                            + " strpos(lower(record_id), ?) > 0)",
                    text,
                    text,
                    text,
                    text,
                    text);
        }
        return sql.equal("stream_id", query.streamId())
                .within("start_time", query.startFrom(), query.startBefore())
                .anyOf("format", query.formats())
                .equal("storage_sub_app", query.storageSubApp())
                .page(
                        jdbc,
                        query.afterSeq(),
                        query.newestFirst(),
                        query.limit(),
                        row -> new Listed(row.getLong(22), file(row)));
    }

    /** Files whose retention ran out by {@code now}, locked, at most {@code limit}. */
    public List<MediaFile> lockExpired(Instant now, int limit) {
        return jdbc.query(
                "SELECT "
                        + COLUMNS
                        + " FROM media_file WHERE state <> 'DELETED' AND expire_time <= ? ORDER BY"
                        + " expire_time LIMIT ? FOR UPDATE SKIP LOCKED",
                FileRepository::file,
                now,
                limit);
    }

    /** Marks every file of an app deleted (a reclaimed account); returns how many. */
    public int deleteAllOf(long sdkAppId, Instant now) {
        return jdbc.update(
                "UPDATE media_file SET state = 'DELETED', delete_time = ? WHERE sdk_app_id = ? AND"
                        + " state <> 'DELETED'",
                now,
                sdkAppId);
    }

    Optional<MediaFile> one(String sql, Object... parameters) {
        return jdbc.query(sql, FileRepository::file, parameters).stream().findFirst();
    }

    static MediaFile file(ResultSet row) throws SQLException {
        return new MediaFile(
                row.getString(1),
                row.getString(2),
                row.getInt(3),
                FileFormat.valueOf(row.getString(4)),
                row.getString(5),
                row.getLong(6),
                Room.ofKey(row.getString(7)),
                row.getString(8),
                StreamType.valueOf(row.getString(9)),
                row.getString(10),
                row.getString(11),
                row.getString(12),
                Jdbc.instant(row, 13),
                Jdbc.instant(row, 14),
                Duration.ofMillis(row.getLong(15)),
                row.getLong(16),
                row.getString(17),
                row.getString(18),
                Optional.ofNullable(Jdbc.instant(row, 19)),
                FileState.valueOf(row.getString(20)),
                Jdbc.instant(row, 21));
    }
}
