package dev.rtcsuite.platform.jobs;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs due jobs on every replica. Tests switch the scheduler off and call {@link JobRunner#runDue}
 * with the time they choose.
 */
@ApplicationScoped
public class JobPoller {

    private final JobRunner runner;
    private final Clock clock;
    private final int batch;

    public JobPoller(
            JobRunner runner,
            Clock clock,
            @ConfigProperty(name = "rtcsuite.jobs.batch", defaultValue = "200") int batch) {
        this.runner = runner;
        this.clock = clock;
        this.batch = batch;
    }

    @Scheduled(
            every = "${rtcsuite.jobs.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runDue() {
        runner.runDue(clock.instant(), batch);
    }
}
