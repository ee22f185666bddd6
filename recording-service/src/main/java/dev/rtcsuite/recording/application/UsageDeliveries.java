package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import dev.rtcsuite.recording.client.UsageReporter;
import dev.rtcsuite.recording.persistence.UsageSegments;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands each batch of closed usage segments to rating-service (SPEC C-7), retried with back-off
 * until rating-service takes it; idempotency keys make a repeat count once.
 */
@ApplicationScoped
public class UsageDeliveries implements JobHandler {

    private final UsageSegments segments;
    private final UsageReporter reporter;

    UsageDeliveries(UsageSegments segments, UsageReporter reporter) {
        this.segments = segments;
        this.reporter = reporter;
    }

    @Override
    public String kind() {
        return JobKinds.USAGE_REPORT;
    }

    @Override
    public void run(Job job) {
        int colon = job.key().lastIndexOf(':');
        String taskId = job.key().substring(0, colon);
        long from = Long.parseLong(job.key().substring(colon + 1));
        long to = Long.parseLong(JobKinds.text(job.payload()));
        reporter.send(job.key(), segments.ofTask(taskId, from, to));
    }
}
