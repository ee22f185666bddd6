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

    public List<AppZone> appsWithFiles(Instant since) {
        return jdbc.query(
                "SELECT DISTINCT f.sdk_app_id, t.billing_zone FROM media_file f JOIN recording_task"
                        + " t ON t.task_id = f.task_id WHERE f.state = 'AVAILABLE' OR f.delete_time"
                        + " >= ?",
                row -> new AppZone(row.getLong(1), row.getString(2)),
                since);
    }

    /**
     * The sum over the app's files of bytes × seconds kept in storage within [from, to): from when
     * each was stored (AVAILABLE) to when it was deleted, every format's file on its own.
     */
    public BigDecimal byteSecondsKept(long sdkAppId, Instant from, Instant to) {
        return jdbc.query(
                        "SELECT coalesce(sum(size_bytes * extract(epoch FROM"
                                + " least(coalesce(delete_time, ?), ?) - greatest(store_time, ?))),"
                                + " 0) FROM media_file WHERE sdk_app_id = ? AND store_time < ? AND"
                                + " (delete_time IS NULL OR delete_time > ?)",
                        row -> row.getBigDecimal(1),
                        to,
                        to,
                        from,
                        sdkAppId,
                        to,
                        from)
                .getFirst();
    }
}
