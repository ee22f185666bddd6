package dev.rtcsuite.rating.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Runs the deduction hand-off on every replica; the queue's row locks make each interval go out
 * once. Switched off in tests, which drive {@link DeductionHandoff} with their own clock.
 */
@ApplicationScoped
public class HandoffJobs {

    private final DeductionHandoff handoff;
    private final Clock clock;

    public HandoffJobs(DeductionHandoff handoff, Clock clock) {
        this.handoff = handoff;
        this.clock = clock;
    }

    @Scheduled(
            every = "${rtcsuite.handoff.every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeAndDeliver() {
        handoff.closeIntervals(clock.instant());
        handoff.deliverDue(clock.instant(), 20);
    }
}
