package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.recording.domain.usage.UsageSegment;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Closed usage segments (SPEC C-7), append-only; see V1__recording.sql. */
@ApplicationScoped
public class UsageSegments {

    private final Jdbc jdbc;

    public UsageSegments(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void append(List<UsageSegment> segments, Instant now) {
        jdbc.batch(
                "INSERT INTO usage_segment (task_id, seq, sdk_app_id, segment, created_time)"
                        + " VALUES (?, ?, ?, CAST(? AS jsonb), ?)",
                segments.stream()
                        .map(
                                s ->
                                        new Object[] {
                                            s.taskId(),
                                            s.seq(),
                                            s.sdkAppId(),
                                            Documents.write(s),
                                            now
                                        })
                        .toList());
    }

    public List<UsageSegment> ofTask(String taskId) {
        return jdbc.query(
                "SELECT segment FROM usage_segment WHERE task_id = ? ORDER BY seq",
                row -> Documents.read(row.getString(1), UsageSegment.class),
                taskId);
    }

    /** Segments of a task from {@code fromSeq} on, for a report. */
    public List<UsageSegment> ofTask(String taskId, long fromSeq, long toSeqExclusive) {
        return jdbc.query(
                "SELECT segment FROM usage_segment WHERE task_id = ? AND seq >= ? AND seq < ?"
                        + " ORDER BY seq",
                row -> Documents.read(row.getString(1), UsageSegment.class),
                taskId,
                fromSeq,
                toSeqExclusive);
    }
}
