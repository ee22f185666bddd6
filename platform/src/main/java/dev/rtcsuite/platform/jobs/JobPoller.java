package dev.rtcsuite.platform.jobs;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs due jobs on every replica, with a few workers each: claims skip each other's rows, so
 * workers and replicas share the due jobs without running one twice. A worker that finds a full
 * batch goes on at once rather than waiting for the next tick. Tests switch the scheduler off and
 * call {@link JobRunner#runDue} with the time they choose.
 */
@ApplicationScoped
public class JobPoller {

    private static final Logger LOG = Logger.getLogger(JobPoller.class);

    private final JobRunner runner;
    private final Clock clock;
    private final int workers;
    private final int batch;

    public JobPoller(
            JobRunner runner,
            Clock clock,
            @ConfigProperty(name = "rtcsuite.jobs.workers", defaultValue = "4") int workers,
            @ConfigProperty(name = "rtcsuite.jobs.batch", defaultValue = "50") int batch) {
        this.runner = runner;
        this.clock = clock;
        this.workers = workers;
        this.batch = batch;
    }

    @Scheduled(
            every = "${rtcsuite.jobs.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runDue() {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                pool.submit(this::drain);
            }
        }
    }

    private void drain() {
        try {
            while (runner.runDue(clock.instant(), batch) == batch) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            // The database is away, say: the next tick tries again.
            LOG.warnf("running due jobs failed: %s", e.toString());
        }
    }
}
