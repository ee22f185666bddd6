package dev.rtcsuite.platform.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Removes the rows of done jobs once their kind's {@link JobHandler#keepDone} has passed, in chunks
 * of one transaction each, so that a purge never holds many locks or a long transaction.
 */
@ApplicationScoped
public class DoneJobs {

    private static final int CHUNK = 5_000;

    private final DurableJobs jobs;
    private final List<JobHandler> handlers;
    private final Clock clock;

    public DoneJobs(DurableJobs jobs, @Any Instance<JobHandler> handlers, Clock clock) {
        this.jobs = jobs;
        this.handlers = handlers.stream().toList();
        this.clock = clock;
    }

    @Scheduled(
            every = "${rtcsuite.jobs.purge-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeNow() {
        purge(clock.instant());
    }

    /** Deletes the done jobs kept long enough at {@code now}; returns how many. */
    public long purge(Instant now) {
        long purged = 0;
        for (JobHandler handler : handlers) {
            if (handler.keepDone().isEmpty()) {
                continue;
            }
            Instant before = now.minus(handler.keepDone().get());
            int chunk;
            do {
                chunk =
                        QuarkusTransaction.requiringNew()
                                .call(() -> jobs.purgeDone(handler.kind(), before, CHUNK));
                purged += chunk;
            } while (chunk == CHUNK);
        }
        return purged;
    }
}
