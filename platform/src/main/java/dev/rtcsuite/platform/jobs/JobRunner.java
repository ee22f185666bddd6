package dev.rtcsuite.platform.jobs;

import dev.rtcsuite.platform.persistence.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Runs due jobs, each in a transaction of its own: the job is claimed with {@code FOR UPDATE SKIP
 * LOCKED} (so another replica skips it), its handler runs, and the job is marked done in the same
 * transaction. A failure rolls the handler's writes back and records the attempt in a new
 * transaction.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final int MAX_ERROR_LENGTH = 1_000;

    private final Jdbc jdbc;
    private final Map<String, JobHandler> handlers = new HashMap<>();

    public JobRunner(Jdbc jdbc, @Any Instance<JobHandler> handlers) {
        this.jdbc = jdbc;
        for (JobHandler handler : handlers) {
            JobHandler previous = this.handlers.put(handler.kind(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for job kind " + handler.kind());
            }
        }
    }

    /** Runs up to {@code limit} jobs due at {@code now}; returns how many succeeded. */
    public int runDue(Instant now, int limit) {
        int succeeded = 0;
        for (int i = 0; i < limit; i++) {
            try {
                Optional<Job> ran = QuarkusTransaction.requiringNew().call(() -> runNext(now));
                if (ran.isEmpty()) {
                    break;
                }
                succeeded++;
            } catch (AttemptFailed failed) {
                QuarkusTransaction.requiringNew().run(() -> recordFailure(failed, now));
            }
        }
        return succeeded;
    }

    private Optional<Job> runNext(Instant now) {
        Optional<Job> next = claimNext(now);
        next.ifPresent(
                job -> {
                    try {
                        handlerOf(job.kind()).run(job);
                    } catch (RuntimeException e) {
                        throw new AttemptFailed(job, e);
                    }
                    jdbc.update(
                            "UPDATE durable_job SET state = 'DONE', attempts = attempts + 1,"
                                    + " last_error = NULL, finished_time = ? WHERE id = ?",
                            now,
                            job.id());
                });
        return next;
    }

    private Optional<Job> claimNext(Instant now) {
        return jdbc
                .query(
                        "SELECT id, kind, job_key, payload, due_time, attempts FROM durable_job"
                                + " WHERE state = 'PENDING' AND due_time <= ? ORDER BY due_time,"
                                + " id LIMIT 1 FOR UPDATE SKIP LOCKED",
                        row ->
                                new Job(
                                        row.getLong(1),
                                        row.getString(2),
                                        row.getString(3),
                                        row.getBytes(4),
                                        Jdbc.instant(row, 5),
                                        row.getInt(6)),
                        now)
                .stream()
                .findFirst();
    }

    private JobHandler handlerOf(String kind) {
        JobHandler handler = handlers.get(kind);
        if (handler == null) {
            throw new IllegalStateException("no handler for job kind " + kind + " here");
        }
        return handler;
    }

    private void recordFailure(AttemptFailed failed, Instant now) {
        Job job = failed.job;
        RetryPolicy policy =
                Optional.ofNullable(handlers.get(job.kind()))
                        .map(JobHandler::retryPolicy)
                        .orElse(RetryPolicy.DEFAULT);
        int attempts = job.attempts() + 1;
        boolean again = policy.allowsAnotherAttempt(attempts);
        String error = String.valueOf(failed.getCause());
        // The attempts guard drops this record if another replica has run the job meanwhile.
        jdbc.update(
                "UPDATE durable_job SET attempts = ?, last_error = ?, state = ?, due_time = ?,"
                        + " finished_time = ? WHERE id = ? AND state = 'PENDING' AND attempts = ?",
                attempts,
                error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH)),
                again ? "PENDING" : "DEAD",
                again
                        ? now.plus(
                                policy.delayAfter(attempts, ThreadLocalRandom.current()::nextLong))
                        : job.dueTime(),
                again ? null : now,
                job.id(),
                job.attempts());
        if (again) {
            LOG.debugf("job %s/%s failed (attempt %d): %s", job.kind(), job.key(), attempts, error);
        } else {
            LOG.warnf(
                    "job %s/%s is DEAD after %d attempts: %s",
                    job.kind(), job.key(), attempts, error);
        }
    }

    /** A handler's failure, carrying its job out of the rolled-back transaction. */
    private static final class AttemptFailed extends RuntimeException {
        private final transient Job job;

        AttemptFailed(Job job, RuntimeException cause) {
            super(cause);
            this.job = job;
        }
    }
}
