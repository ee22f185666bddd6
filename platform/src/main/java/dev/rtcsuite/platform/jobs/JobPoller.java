package dev.rtcsuite.platform.jobs;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final JobRunner runner;
    private final Clock clock;
    private final int workers;
    private final int batch;

    /** Held for reading while workers run jobs; shutdown takes it for writing to wait for them. */
    private final ReadWriteLock running = new ReentrantReadWriteLock();

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
        if (!running.readLock().tryLock()) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                pool.submit(this::drain);
            }
        } finally {
            running.readLock().unlock();
        }
    }

    /**
     * At shutdown no further job starts, and the jobs under way get up to {@link #STOP_WAIT} to
     * finish before the transaction manager and the pool go (which would abort them: they would run
     * again later, but with a trail of errors in the log).
     */
    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        runner.stop();
        if (!running.writeLock().tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("jobs still running after %s of shutdown; they will run again", STOP_WAIT);
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
