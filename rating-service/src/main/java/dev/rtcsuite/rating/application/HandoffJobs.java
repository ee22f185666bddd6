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

    /** Intervals per BatchDeductUsage call (package-service takes up to 500). */
    static final int BATCH = 500;

    private static final int MAX_CALLS = 20;

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
        // Full batches mean more is due: keep going, a bounded number of calls per run.
        for (int call = 0; call < MAX_CALLS; call++) {
            if (handoff.deliverDue(clock.instant(), BATCH) < BATCH) {
                return;
            }
        }
    }
}
