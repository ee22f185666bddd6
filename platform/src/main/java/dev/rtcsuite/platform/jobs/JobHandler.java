package dev.rtcsuite.platform.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * Runs the jobs of one kind. Implementations are CDI beans; {@link JobRunner} finds them by {@link
 * #kind()}.
 */
public interface JobHandler {

    /** The kind this handler runs, e.g. {@code recording.resume-expiry}. */
    String kind();

    /**
     * Runs one job inside the transaction that marks it done, so database writes made here happen
     * exactly once. Throwing rolls them back and schedules a retry (or, after the last attempt,
     * leaves the job DEAD).
     */
    void run(Job job);

    default RetryPolicy retryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    /**
     * How long the row of a done job is kept ({@link DoneJobs}); empty, the default, keeps it for
     * good, and its (kind, key) then also keeps the same work from being scheduled again. A kind
     * with a fresh key per run and many runs (a job per ingested batch) sets it, so that the table
     * does not grow with all history.
     */
    default Optional<Duration> keepDone() {
        return Optional.empty();
    }
}
