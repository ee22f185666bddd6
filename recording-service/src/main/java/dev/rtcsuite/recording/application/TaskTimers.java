package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.recording.domain.files.FilePlan;
import dev.rtcsuite.recording.domain.files.FileState;
import dev.rtcsuite.recording.domain.files.MediaFile;
import dev.rtcsuite.recording.domain.files.PlannedFile;
import dev.rtcsuite.recording.domain.task.EndReason;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskPolicy;
import dev.rtcsuite.recording.domain.task.TaskState;
import dev.rtcsuite.recording.domain.task.TaskTimer;
import dev.rtcsuite.recording.persistence.FileRepository;
import dev.rtcsuite.recording.persistence.TaskRepository;
import dev.rtcsuite.recording.persistence.TaskRepository.StoredTask;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fires the durable timers of SPEC C-3 from the task as stored, so a restart or another replica
 * changes nothing: the transition happens at the time the timer was due, and a timer of an earlier
 * occasion (a resume wait that was ended by the anchor's return, say) does nothing.
 */
@ApplicationScoped
public class TaskTimers {

    private final TaskRepository tasks;
    private final FileRepository files;
    private final TaskChanges changes;
    private final DurableJobs jobs;

    public TaskTimers(
            TaskRepository tasks, FileRepository files, TaskChanges changes, DurableJobs jobs) {
        this.tasks = tasks;
        this.files = files;
        this.changes = changes;
        this.jobs = jobs;
    }

    void fire(TaskTimer.Kind kind, String key, Instant due) {
        StoredTask stored = tasks.lock(TaskTimer.taskId(key)).orElse(null);
        if (stored == null) {
            return;
        }
        RecordingTask task = stored.task();
        TaskPolicy policy = changes.policy();
        RecordingTask after =
                switch (kind) {
                    case START_TIMEOUT -> task.startTimedOut(policy.startTimeout(), due);
                    case FILE_SPLIT -> task.splitFile(TaskTimer.occasion(key), due);
                    case RESUME_EXPIRY -> task.resumeExpired(TaskTimer.occasion(key));
                    case TRANSFER -> transfer(stored, TaskTimer.occasion(key), due, policy);
                };
        changes.apply(stored, after, due);
    }

    /**
     * Completes the task when every file it made is stored; otherwise checks again later, and after
     * the last check fails it with STORAGE_UNAVAILABLE (its files are kept, the recorder retries).
     */
    private RecordingTask transfer(StoredTask stored, int check, Instant due, TaskPolicy policy) {
        RecordingTask task = stored.task();
        if (task.state() != TaskState.FINALIZING) {
            return task;
        }
        Set<String> storedFiles =
                files.ofTask(task.id()).stream()
                        .filter(f -> f.state() == FileState.AVAILABLE)
                        .map(TaskTimers::slot)
                        .collect(Collectors.toSet());
        List<PlannedFile> missing =
                FilePlan.of(task, stored.zone()).stream()
                        .filter(f -> !storedFiles.contains(f.sequence() + ":" + f.format()))
                        .toList();
        if (missing.isEmpty()) {
            return task.transferred(due);
        }
        if (check + 1 < policy.transferChecks()) {
            jobs.schedule(
                    JobKinds.timer(TaskTimer.Kind.TRANSFER),
                    task.id() + ":" + (check + 1),
                    JobKinds.NO_PAYLOAD,
                    due.plus(policy.transferDelay()));
            return task;
        }
        return task.fail(
                EndReason.STORAGE_UNAVAILABLE,
                missing.size()
                        + " file(s) not stored after "
                        + policy.transferChecks()
                        + " checks, e.g. "
                        + missing.getFirst().name()
                        + "; they are kept and retried",
                due);
    }

    private static String slot(MediaFile file) {
        return file.fileSequence() + ":" + file.format();
    }
}
