package dev.rtcsuite.platform.jobs;

/** Where a job is in its life. */
public enum JobState {
    /** Waiting for its due time, or for a retry. */
    PENDING,
    /** Ran successfully. */
    DONE,
    /** Failed its last allowed attempt; {@link DurableJobs#retry} runs it again. */
    DEAD,
    /** Cancelled before it ran. */
    CANCELLED
}
