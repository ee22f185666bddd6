package dev.rtcsuite.recording.application;

import dev.rtcsuite.recording.client.AppDirectory.AppStanding;
import dev.rtcsuite.recording.domain.RecordingConfig;
import dev.rtcsuite.recording.domain.room.RoomState;
import dev.rtcsuite.recording.domain.room.StreamEvent;
import dev.rtcsuite.recording.domain.task.ControlModes;
import dev.rtcsuite.recording.domain.task.EndReason;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskState;
import dev.rtcsuite.recording.domain.task.TaskTrigger;
import dev.rtcsuite.recording.persistence.AppliedEvents;
import dev.rtcsuite.recording.persistence.Notices;
import dev.rtcsuite.recording.persistence.RoomRepository;
import dev.rtcsuite.recording.persistence.TaskRepository;
import dev.rtcsuite.recording.persistence.TaskRepository.StoredTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies the media plane's stream events (SPEC C-2): the room's streams (watched by
 * mixing-service) and the tasks they drive — a published stream starts a task as the app's control
 * mode says, or resumes its interrupted task; an unpublished one interrupts or stops it; the room's
 * dismissal stops every task of the room. Each event is applied once, with its room locked, so a
 * room's events apply one at a time.
 */
@ApplicationScoped
public class StreamEvents {

    private static final Logger LOG = Logger.getLogger(StreamEvents.class);

    private final AppliedEvents applied;
    private final RoomRepository rooms;
    private final TaskRepository tasks;
    private final TaskChanges changes;
    private final RecordingConfigs configs;
    private final Apps apps;
    private final Notices notices;
    private final Clock clock;

    public StreamEvents(
            AppliedEvents applied,
            RoomRepository rooms,
            TaskRepository tasks,
            TaskChanges changes,
            RecordingConfigs configs,
            Apps apps,
            Notices notices,
            Clock clock) {
        this.applied = applied;
        this.rooms = rooms;
        this.tasks = tasks;
        this.changes = changes;
        this.configs = configs;
        this.apps = apps;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Applies a batch in order, atomically; returns how many were duplicates. Each app of the batch
     * is looked up at package-service once, not once per event that starts a task.
     */
    @Transactional
    public int apply(List<StreamEvent> events) {
        Map<Long, Optional<AppStanding>> startingWork = new HashMap<>();
        int duplicates = 0;
        for (StreamEvent event : events) {
            if (!applyOne(event, startingWork)) {
                duplicates++;
            }
        }
        return duplicates;
    }

    /** False when the event had been applied before. */
    private boolean applyOne(StreamEvent event, Map<Long, Optional<AppStanding>> startingWork) {
        if (!applied.claim(AppliedEvents.Source.STREAM, event.eventId(), clock.instant())) {
            return false;
        }
        RoomState before = rooms.lock(event.sdkAppId(), event.room(), clock.instant());
        RoomState room = before.apply(event);
        if (room == before) {
            return true; // older than what its stream already told: applied as nothing
        }
        rooms.save(room);
        notices.roomChanged(event.sdkAppId(), event.room());
        Instant at = event.eventTime();
        switch (event.kind()) {
            case PUBLISHED -> published(event, room, startingWork);
            case UNPUBLISHED ->
                    tasks.lockLiveStream(
                                    event.sdkAppId(),
                                    event.room(),
                                    event.userId(),
                                    event.streamType())
                            .ifPresent(t -> changes.apply(t, t.task().streamStopped(at), room, at));
            case ROOM_DISMISSED ->
                    tasks.lockUnended(event.sdkAppId(), event.room())
                            .forEach(
                                    t ->
                                            changes.apply(
                                                    t,
                                                    t.task().stop(EndReason.ROOM_ENDED, at),
                                                    room,
                                                    at));
            default -> {
                // the room's other tasks are metered again below
            }
        }
        // Resolution and video changes change what the room's recorders are charged for.
        tasks.lockUnended(event.sdkAppId(), event.room())
                .forEach(t -> changes.apply(t, t.task(), room, at));
        return true;
    }

    private void published(
            StreamEvent event, RoomState room, Map<Long, Optional<AppStanding>> startingWork) {
        Instant at = event.eventTime();
        Optional<StoredTask> live =
                tasks.lockLiveStream(
                        event.sdkAppId(), event.room(), event.userId(), event.streamType());
        if (live.isPresent()) {
            RecordingTask task = live.get().task();
            if (task.state() != TaskState.INTERRUPTED) {
                return; // already recorded
            }
            if (task.resumableAt(at)) {
                changes.apply(live.get(), task.streamResumed(at), room, at);
                return;
            }
            // back after the resume wait, before its timer ran: that task ends, a new one starts
            changes.apply(live.get(), task.resumeExpired(task.interruptions()), room, at);
        }
        RecordingConfig config = configs.current(event.sdkAppId());
        Optional<TaskTrigger> trigger = ControlModes.triggerFor(config, event);
        if (trigger.isEmpty()) {
            return;
        }
        Optional<AppStanding> app =
                startingWork.computeIfAbsent(event.sdkAppId(), apps::startingWork);
        if (app.isEmpty()) {
            LOG.infof(
                    "no recording of %s in room %s: SdkAppId %d is not in service",
                    event.userId(), event.room().id(), event.sdkAppId());
            return;
        }
        RecordingTask task =
                RecordingTask.create(
                        ControlModes.singleStream(
                                UUID.randomUUID().toString(), config, event, trigger.get()),
                        List.of());
        changes.create(task, app.get().billingZone());
    }
}
