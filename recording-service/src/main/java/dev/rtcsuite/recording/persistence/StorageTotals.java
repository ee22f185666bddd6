package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Bytes of recorded files kept, for storage usage (SPEC R-7, C-7). */
@ApplicationScoped
public class StorageTotals {

    /** The apps with files and the billing zones their files are named in. */
    public record AppZone(long sdkAppId, String zone) {}

    private final Jdbc jdbc;

    public StorageTotals(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The apps with files stored, or deleted since {@code since}, with their tasks' zones. Each
     * part has an index (only deleting sets delete_time, so the files with one are DELETED or
     * stored again); each task's zone is read once by its key, never by reading every task.
     */
    public List<AppZone> appsWithFiles(Instant since) {
        return jdbc.query(
                "SELECT DISTINCT f.sdk_app_id, (SELECT t.billing_zone FROM recording_task t WHERE"
                        + " t.task_id = f.task_id) FROM (SELECT sdk_app_id, task_id FROM media_file"
                        + " WHERE state = 'AVAILABLE' UNION SELECT sdk_app_id, task_id FROM"
                        + " media_file WHERE state = 'DELETED' AND delete_time >= ?) f",
                row -> new AppZone(row.getLong(1), row.getString(2)),
                since);
    }

    /**
     * The sum over the app's files of bytes × seconds kept in storage within [from, to): from when
     * each was stored (AVAILABLE) to when it was deleted, every format's file on its own. The state
     * test lets indexes serve it: files not deleted by the app's indexes, deleted ones by
     * media_file_deleted (a DELETED file has its delete_time; a file stored again after its
     * deletion keeps it, hence the delete_time test for all).
     */
    public BigDecimal byteSecondsKept(long sdkAppId, Instant from, Instant to) {
        return jdbc.query(
                        "SELECT coalesce(sum(size_bytes * extract(epoch FROM"
                                + " least(coalesce(delete_time, ?), ?) - greatest(store_time, ?))),"
                                + " 0) FROM media_file WHERE sdk_app_id = ? AND store_time < ? AND"
                                + " (delete_time IS NULL OR delete_time > ?) AND (state <>"
                                + " 'DELETED' OR state = 'DELETED' AND delete_time > ?)",
                        row -> row.getBigDecimal(1),
                        to,
                        to,
                        from,
                        sdkAppId,
                        to,
                        from,
                        from)
                .getFirst();
    }
}
