package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.recording.config.RecordingSettings;
import dev.rtcsuite.recording.domain.room.RoomState;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskPolicy;
import dev.rtcsuite.recording.domain.task.TaskTimer;
import dev.rtcsuite.recording.domain.usage.UsageInputs;
import dev.rtcsuite.recording.domain.usage.UsageMeter;
import dev.rtcsuite.recording.persistence.Notices;
import dev.rtcsuite.recording.persistence.RoomRepository;
import dev.rtcsuite.recording.persistence.TaskRepository;
import dev.rtcsuite.recording.persistence.TaskRepository.StoredTask;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes every change of a task in the caller's transaction, with what follows from it: the usage
 * its inputs accrued (SPEC C-7), the durable timers its new state needs (C-3), its lifecycle
 * callbacks (C-6) and the notice to watchers. The one place a task is written.
 */
@ApplicationScoped
public class TaskChanges {

    private final TaskRepository tasks;
    private final RoomRepository rooms;
    private final UsageLedger usage;
    private final CallbackOutbox callbacks;
    private final DurableJobs jobs;
    private final Notices notices;
    private final TaskPolicy policy;
    private final Clock clock;

    public TaskChanges(
            TaskRepository tasks,
            RoomRepository rooms,
            UsageLedger usage,
            CallbackOutbox callbacks,
            DurableJobs jobs,
            Notices notices,
            RecordingSettings settings,
            Clock clock) {
        this.tasks = tasks;
        this.rooms = rooms;
        this.usage = usage;
        this.callbacks = callbacks;
        this.jobs = jobs;
        this.notices = notices;
        this.policy = settings.taskPolicy();
        this.clock = clock;
    }

    public TaskPolicy policy() {
        return policy;
    }

    public StoredTask create(RecordingTask task, ZoneId zone) {
        StoredTask stored = new StoredTask(task, UsageMeter.idle(), zone);
        tasks.insert(stored);
        schedule(List.of(), task);
        notices.taskChanged(task.id());
        return stored;
    }

    /** The task after {@code after}, metered against the room's streams as of {@code at}. */
    public StoredTask apply(StoredTask before, RecordingTask after, RoomState room, Instant at) {
        var spec = after.spec();
        UsageMeter.Metered metered =
                before.meter()
                        .change(
                                new UsageMeter.Task(
                                        after.id(),
                                        spec.sdkAppId(),
                                        spec.kind(),
                                        spec.formats().size()),
                                at,
                                UsageInputs.of(after, room));
        StoredTask changed = before.with(after, metered.meter());
        if (changed.equals(before)) {
            return before;
        }
        usage.record(metered.closed(), clock.instant());
        tasks.update(changed);
        if (!after.equals(before.task())) {
            schedule(TaskTimer.of(before.task(), policy), after);
            callbacks.lifecycle(before.task(), after);
            notices.taskChanged(after.id());
        }
        return changed;
    }

    /** As {@link #apply(StoredTask, RecordingTask, RoomState, Instant)}, with the room read now. */
    public StoredTask apply(StoredTask before, RecordingTask after, Instant at) {
        var spec = before.task().spec();
        RoomState room =
                rooms.find(spec.sdkAppId(), spec.room())
                        .orElse(RoomState.empty(spec.sdkAppId(), spec.room(), at));
        return apply(before, after, room, at);
    }

    private void schedule(List<TaskTimer> before, RecordingTask after) {
        List<TaskTimer> needed = TaskTimer.of(after, policy);
        for (TaskTimer old : before) {
            if (!needed.contains(old)) {
                jobs.cancel(JobKinds.timer(old.kind()), old.key());
            }
        }
        for (TaskTimer timer : needed) {
            jobs.schedule(
                    JobKinds.timer(timer.kind()), timer.key(), JobKinds.NO_PAYLOAD, timer.due());
        }
    }
}
