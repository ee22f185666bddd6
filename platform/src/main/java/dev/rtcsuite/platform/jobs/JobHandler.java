package dev.rtcsuite.platform.jobs;

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
}
