package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The records of a reclaimed account, deleted for good (SPEC P-6): its tasks with their file index
 * entries and usage segments, and its callback deliveries. Each call deletes one chunk, so that a
 * large account does not hold one long transaction.
 */
@ApplicationScoped
public class ReclaimedRecords {

    private final Jdbc jdbc;

    public ReclaimedRecords(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether a usage report (a durable job of {@code reportKind}, key {@code task-id:first-seq})
     * of one of the app's tasks is still waiting for rating-service: its segments are read when it
     * is sent.
     */
    public boolean usageUnreported(long sdkAppId, String reportKind) {
        return !jdbc.query(
                        "SELECT 1 FROM durable_job j WHERE j.kind = ? AND j.state = 'PENDING' AND"
                                + " EXISTS (SELECT 1 FROM recording_task t WHERE t.sdk_app_id = ?"
                                + " AND t.task_id = left(j.job_key, length(j.job_key) -"
                                + " strpos(reverse(j.job_key), ':'))) LIMIT 1",
                        row -> true,
                        reportKind,
                        sdkAppId)
                .isEmpty();
    }

    /** Whether a task of the app has not ended (its files may still be being transferred). */
    public boolean tasksUnended(long sdkAppId) {
        return !jdbc.query(
                        "SELECT 1 FROM recording_task WHERE sdk_app_id = ? AND end_time IS NULL"
                                + " LIMIT 1",
                        row -> true,
                        sdkAppId)
                .isEmpty();
    }

    /** Deletes up to {@code limit} of the app's tasks with their files and segments; how many. */
    public int deleteTasks(long sdkAppId, int limit) {
        String[] taskIds =
                jdbc.query(
                                "SELECT task_id FROM recording_task WHERE sdk_app_id = ? ORDER BY"
                                        + " list_seq DESC LIMIT ?",
                                row -> row.getString(1),
                                sdkAppId,
                                limit)
                        .toArray(String[]::new);
        if (taskIds.length > 0) {
            jdbc.update("DELETE FROM media_file WHERE task_id = ANY(?::text[])", (Object) taskIds);
            jdbc.update(
                    "DELETE FROM usage_segment WHERE task_id = ANY(?::text[])", (Object) taskIds);
            jdbc.update(
                    "DELETE FROM recording_task WHERE task_id = ANY(?::text[])", (Object) taskIds);
        }
        return taskIds.length;
    }

    /** Deletes up to {@code limit} of the app's callback deliveries; how many. */
    public int deleteCallbacks(long sdkAppId, int limit) {
        return jdbc.update(
                "DELETE FROM callback_delivery WHERE delivery_id IN (SELECT delivery_id FROM"
                        + " callback_delivery WHERE sdk_app_id = ? ORDER BY list_seq DESC LIMIT ?)",
                sdkAppId,
                limit);
    }
}
