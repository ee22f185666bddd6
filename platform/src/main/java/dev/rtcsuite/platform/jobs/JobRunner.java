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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Runs due jobs, each in a transaction of its own: the job is claimed with {@code FOR UPDATE SKIP
 * LOCKED} (so another replica skips it), its handler runs, and the job is marked done in the same
 * transaction. A failure rolls the handler's writes back and records the attempt in a new
 * transaction; until then this replica's other workers leave the job alone, which the rollback has
 * unlocked while it still looks due (a second run of the failed attempt). Another replica could
 * still claim it in the milliseconds between the two transactions; the attempts guard then keeps
 * one record of the two runs.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final int MAX_ERROR_LENGTH = 1_000;

    private final Jdbc jdbc;
    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final Set<Long> recordingFailure = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public JobRunner(Jdbc jdbc, @Any Instance<JobHandler> handlers) {
        this.jdbc = jdbc;
        for (JobHandler handler : handlers) {
            JobHandler previous = this.handlers.put(handler.kind(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for job kind " + handler.kind());
            }
        }
    }

    /** Runs no further job once called (shutdown): the job under way, if any, ends first. */
    public void stop() {
        stopped = true;
    }

    /** Runs up to {@code limit} jobs due at {@code now}; returns how many succeeded. */
    public int runDue(Instant now, int limit) {
        int succeeded = 0;
        for (int i = 0; i < limit && !stopped; i++) {
            try {
                Claim claim = QuarkusTransaction.requiringNew().call(() -> runNext(now));
                if (claim == Claim.NONE_DUE) {
                    break;
                }
                if (claim == Claim.RAN) {
                    succeeded++;
                }
            } catch (AttemptFailed failed) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> recordFailure(failed, now));
                } finally {
                    recordingFailure.remove(failed.job.id());
                }
            }
        }
        return succeeded;
    }

    private Claim runNext(Instant now) {
        Optional<Job> next = claimNext(now);
        if (next.isEmpty()) {
            return Claim.NONE_DUE;
        }
        Job job = next.get();
        // Claimed in the moment between a worker's failed attempt and the record of it (the set was
        // read before the failure): that worker is about to record it, so leave the job alone.
        if (recordingFailure.contains(job.id())) {
            return Claim.LEFT;
        }
        try {
            handlerOf(job.kind()).run(job);
        } catch (RuntimeException e) {
            recordingFailure.add(job.id());
            throw new AttemptFailed(job, e);
        }
        jdbc.update(
                "UPDATE durable_job SET state = 'DONE', attempts = attempts + 1,"
                        + " last_error = NULL, finished_time = ? WHERE id = ?",
                now,
                job.id());
        return Claim.RAN;
    }

    private Optional<Job> claimNext(Instant now) {
        return jdbc
                .query(
                        "SELECT id, kind, job_key, payload, due_time, attempts FROM durable_job"
                                + " WHERE state = 'PENDING' AND due_time <= ? AND id <> ALL (?)"
                                + " ORDER BY due_time, id LIMIT 1 FOR UPDATE SKIP LOCKED",
                        row ->
                                new Job(
                                        row.getLong(1),
                                        row.getString(2),
                                        row.getString(3),
                                        row.getBytes(4),
                                        Jdbc.instant(row, 5),
                                        row.getInt(6)),
                        now,
                        recordingFailure.toArray(Long[]::new))
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

    private enum Claim {
        NONE_DUE,
        RAN,
        LEFT
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
