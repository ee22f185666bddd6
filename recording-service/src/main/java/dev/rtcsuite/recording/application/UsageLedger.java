package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.recording.domain.usage.UsageSegment;
import dev.rtcsuite.recording.persistence.UsageSegments;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the usage segments a change closed (SPEC C-7), append-only, and queues their report to
 * rating-service as a durable job in the same transaction: usage is never lost when rating-service
 * is down, and its idempotency keys make a repeated report count once.
 */
@ApplicationScoped
public class UsageLedger {

    private final UsageSegments segments;
    private final DurableJobs jobs;

    public UsageLedger(UsageSegments segments, DurableJobs jobs) {
        this.segments = segments;
        this.jobs = jobs;
    }

    void record(List<UsageSegment> closed, Instant now) {
        if (closed.isEmpty()) {
            return;
        }
        segments.append(closed, now);
        UsageSegment first = closed.getFirst();
        long end = closed.getLast().seq() + 1;
        jobs.schedule(
                JobKinds.USAGE_REPORT,
                first.taskId() + ":" + first.seq(),
                JobKinds.utf8(Long.toString(end)),
                now);
    }
}
