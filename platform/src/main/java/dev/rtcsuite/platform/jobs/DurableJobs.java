package dev.rtcsuite.platform.jobs;

import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Schedules durable work in the caller's transaction, so a job exists exactly when the change that
 * asked for it commits (a transactional outbox). {@link JobRunner} runs it when due.
 */
@ApplicationScoped
public class DurableJobs {

    private static final String COLUMNS =
            "kind, job_key, payload, state, due_time, attempts, last_error, finished_time";

    private final Jdbc jdbc;
    private final Clock clock;

    public DurableJobs(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Schedules a job once per (kind, key); false when one already exists, whatever its state. */
    public boolean schedule(String kind, String key, byte[] payload, Instant due) {
        return jdbc.update(
                        "INSERT INTO durable_job (kind, job_key, payload, state, due_time,"
                                + " created_time) VALUES (?, ?, ?, 'PENDING', ?, ?) ON CONFLICT"
                                + " DO NOTHING",
                        kind,
                        key,
                        payload,
                        due,
                        clock.instant())
                == 1;
    }

    /**
     * Schedules the job, or makes an existing one pending again at {@code due} with this payload
     * and a fresh count of attempts (a timer that is set again).
     */
    public void reschedule(String kind, String key, byte[] payload, Instant due) {
        jdbc.update(
                "INSERT INTO durable_job (kind, job_key, payload, state, due_time, created_time)"
                        + " VALUES (?, ?, ?, 'PENDING', ?, ?) ON CONFLICT (kind, job_key) DO UPDATE"
                        + " SET payload = EXCLUDED.payload, state = 'PENDING', due_time ="
                        + " EXCLUDED.due_time, attempts = 0, last_error = NULL, finished_time ="
                        + " NULL",
                kind,
                key,
                payload,
                due,
                clock.instant());
    }

    /** Cancels a pending job; false when there is none. */
    public boolean cancel(String kind, String key) {
        return jdbc.update(
                        "UPDATE durable_job SET state = 'CANCELLED', finished_time = ? WHERE kind ="
                                + " ? AND job_key = ? AND state = 'PENDING'",
                        clock.instant(),
                        kind,
                        key)
                == 1;
    }

    /** Runs a DEAD job again, now, with a fresh count of attempts; false when it is not DEAD. */
    public boolean retry(String kind, String key) {
        return jdbc.update(
                        "UPDATE durable_job SET state = 'PENDING', due_time = ?, attempts = 0,"
                                + " finished_time = NULL WHERE kind = ? AND job_key = ? AND state"
                                + " = 'DEAD'",
                        clock.instant(),
                        kind,
                        key)
                == 1;
    }

    /** When the oldest pending job of a kind was scheduled; empty when none is pending. */
    public Optional<Instant> oldestPending(String kind) {
        return jdbc.query(
                        "SELECT min(created_time) FROM durable_job WHERE kind = ? AND state ="
                                + " 'PENDING'",
                        row -> Optional.ofNullable(Jdbc.instant(row, 1)),
                        kind)
                .getFirst();
    }

    /**
     * Deletes up to {@code limit} jobs of the kind done before {@code finishedBefore}; returns how
     * many. Replicas purging at once skip each other's rows.
     */
    public int purgeDone(String kind, Instant finishedBefore, int limit) {
        return jdbc.update(
                "DELETE FROM durable_job WHERE id IN (SELECT id FROM durable_job WHERE kind = ? AND"
                        + " state = 'DONE' AND finished_time < ? ORDER BY finished_time LIMIT ? FOR"
                        + " UPDATE SKIP LOCKED)",
                kind,
                finishedBefore,
                limit);
    }

    public Optional<JobView> find(String kind, String key) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM durable_job WHERE kind = ? AND job_key = ?",
                        DurableJobs::view,
                        kind,
                        key)
                .stream()
                .findFirst();
    }

    /** Jobs of a kind in a state, in key order after {@code afterKey} (paging). */
    public List<JobView> list(String kind, JobState state, String afterKey, int limit) {
        return jdbc.query(
                "SELECT "
                        + COLUMNS
                        + " FROM durable_job WHERE kind = ? AND state = ? AND job_key > ? ORDER"
                        + " BY job_key LIMIT ?",
                DurableJobs::view,
                kind,
                state.name(),
                afterKey,
                limit);
    }

    private static JobView view(ResultSet row) throws SQLException {
        return new JobView(
                row.getString(1),
                row.getString(2),
                row.getBytes(3),
                JobState.valueOf(row.getString(4)),
                Jdbc.instant(row, 5),
                row.getInt(6),
                Optional.ofNullable(row.getString(7)),
                Optional.ofNullable(Jdbc.instant(row, 8)));
    }
}
