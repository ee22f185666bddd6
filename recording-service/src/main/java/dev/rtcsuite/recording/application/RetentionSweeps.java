package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import dev.rtcsuite.recording.domain.files.FileState;
import dev.rtcsuite.recording.domain.files.MediaFile;
import dev.rtcsuite.recording.persistence.FileRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Deletes files whose retention has run out (SPEC C-1, C-5). Every replica asks for the sweep of
 * the current quarter hour; the job key makes it one sweep, run once, whichever replica claims it.
 */
@ApplicationScoped
public class RetentionSweeps implements JobHandler {

    private static final int BATCH = 500;

    private final FileRepository files;
    private final DurableJobs jobs;
    private final Clock clock;

    public RetentionSweeps(FileRepository files, DurableJobs jobs, Clock clock) {
        this.files = files;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return JobKinds.RETENTION_SWEEP;
    }

    /** Asks for the sweep of the current quarter hour (idempotent across replicas). */
    @Scheduled(
            every = "${rtcsuite.recording.retention-sweep-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void askForSweep() {
        Instant now = clock.instant();
        Instant slot =
                now.truncatedTo(ChronoUnit.HOURS)
                        .plus(
                                (now.atZone(java.time.ZoneOffset.UTC).getMinute() / 15) * 15L,
                                ChronoUnit.MINUTES);
        jobs.schedule(JobKinds.RETENTION_SWEEP, slot.toString(), JobKinds.NO_PAYLOAD, now);
    }

    @Override
    public void run(Job job) {
        List<MediaFile> expired = files.lockExpired(job.dueTime(), BATCH);
        for (MediaFile file : expired) {
            files.update(file.withState(FileState.DELETED), Optional.of(job.dueTime()));
        }
        if (expired.size() == BATCH) {
            // more are due: continue in a job of its own
            jobs.schedule(
                    JobKinds.RETENTION_SWEEP, job.key() + "+", JobKinds.NO_PAYLOAD, job.dueTime());
        }
    }
}
