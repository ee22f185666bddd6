package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.client.UsageReporter;
import dev.rtcsuite.mixing.domain.usage.UsageReport;
import dev.rtcsuite.mixing.persistence.Documents;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands each usage period to rating-service (SPEC R-5, M-5), retried with back-off until
 * rating-service takes it; idempotency keys make a repeat count once.
 */
@ApplicationScoped
public class UsageDeliveries implements JobHandler {

    private final UsageReporter reporter;

    UsageDeliveries(UsageReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public String kind() {
        return JobKinds.USAGE_REPORT;
    }

    @Override
    public void run(Job job) {
        reporter.send(Documents.read(JobKinds.text(job.payload()), UsageReport.class));
    }
}
