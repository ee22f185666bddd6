package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import dev.rtcsuite.recording.domain.task.TaskState;
import dev.rtcsuite.recording.domain.usage.UsageMeter;
import dev.rtcsuite.recording.persistence.TaskRepository;
import dev.rtcsuite.recording.persistence.TaskRepository.StoredTask;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;

/**
 * Cuts the usage of long recordings into periods (SPEC C-7): every five minutes the open segments
 * of every recording task are closed and reported, so rating-service sees usage while a recording
 * lasts, not only when it ends. One job per five-minute slot, run once across replicas.
 */
@ApplicationScoped
public class UsageFlushes implements JobHandler {

    private final TaskRepository tasks;
    private final UsageLedger usage;
    private final DurableJobs jobs;
    private final Clock clock;

    public UsageFlushes(TaskRepository tasks, UsageLedger usage, DurableJobs jobs, Clock clock) {
        this.tasks = tasks;
        this.usage = usage;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return JobKinds.USAGE_FLUSH;
    }

    /** Asks for the flush of the current five-minute slot (idempotent across replicas). */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void askForFlush() {
        Instant now = clock.instant();
        long slot = now.getEpochSecond() / 300 * 300;
        jobs.schedule(
                JobKinds.USAGE_FLUSH,
                Instant.ofEpochSecond(slot).toString(),
                JobKinds.NO_PAYLOAD,
                Instant.ofEpochSecond(slot).plus(5, ChronoUnit.MINUTES));
    }

    @Override
    public void run(Job job) {
        Instant at = job.dueTime();
        for (StoredTask listed :
                tasks.inStates(EnumSet.of(TaskState.RECORDING, TaskState.INTERRUPTED), 0)) {
            tasks.lock(listed.task().id())
                    .filter(t -> t.task().state().live())
                    .ifPresent(
                            stored -> {
                                var spec = stored.task().spec();
                                UsageMeter.Metered metered =
                                        stored.meter()
                                                .flush(
                                                        new UsageMeter.Task(
                                                                spec.taskId(),
                                                                spec.sdkAppId(),
                                                                spec.kind(),
                                                                spec.formats().size()),
                                                        at);
                                usage.record(metered.closed(), clock.instant());
                                tasks.update(stored.with(stored.task(), metered.meter()));
                            });
        }
    }
}
