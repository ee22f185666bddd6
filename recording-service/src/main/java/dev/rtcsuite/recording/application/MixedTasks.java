package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.recording.client.AppDirectory.AppStanding;
import dev.rtcsuite.recording.domain.RecordingConfig;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.room.RoomState;
import dev.rtcsuite.recording.domain.task.ControlModes;
import dev.rtcsuite.recording.domain.task.EndReason;
import dev.rtcsuite.recording.domain.task.RecordingInput;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskKind;
import dev.rtcsuite.recording.persistence.RoomRepository;
import dev.rtcsuite.recording.persistence.TaskRepository;
import dev.rtcsuite.recording.persistence.TaskRepository.StoredTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Mixed recordings asked for by mixing-service for OutputParams.record_id (SPEC C-2.3): one task
 * per record id while it has not ended, refused while recording is off, while the account is out of
 * service, or (GLOBAL_AUTO) while the room mixes through the client SDK.
 */
@ApplicationScoped
public class MixedTasks {

    /** A started task, and whether this call created it. */
    public record Started(RecordingTask task, boolean created) {}

    private final TaskRepository tasks;
    private final RoomRepository rooms;
    private final TaskChanges changes;
    private final RecordingConfigs configs;
    private final Apps apps;
    private final Clock clock;

    public MixedTasks(
            TaskRepository tasks,
            RoomRepository rooms,
            TaskChanges changes,
            RecordingConfigs configs,
            Apps apps,
            Clock clock) {
        this.tasks = tasks;
        this.rooms = rooms;
        this.changes = changes;
        this.configs = configs;
        this.apps = apps;
        this.clock = clock;
    }

    @Transactional
    public Started start(
            long sdkAppId,
            Room room,
            String recordId,
            String mixSessionId,
            boolean audioOnly,
            List<RecordingInput> inputs) {
        tasks.lockRecordId(sdkAppId, recordId);
        Optional<StoredTask> existing = tasks.lockUnendedMix(sdkAppId, recordId);
        if (existing.isPresent()) {
            RecordingTask task = existing.get().task();
            if (task.spec().mixSessionId().equals(mixSessionId)
                    && task.spec().room().equals(room)) {
                return new Started(task, false);
            }
            throw RecordingErrors.recordIdInUse(sdkAppId, recordId, task.id());
        }
        AppStanding app = apps.inService(sdkAppId);
        RecordingConfig config = configs.current(sdkAppId);
        Instant now = clock.instant();
        RoomState state = rooms.find(sdkAppId, room).orElse(RoomState.empty(sdkAppId, room, now));
        ControlModes.mixRefusal(config, state)
                .ifPresent(
                        refusal -> {
                            throw switch (refusal) {
                                case RECORDING_DISABLED ->
                                        RecordingErrors.recordingDisabled(sdkAppId);
                                case CLIENT_MIX_ACTIVE ->
                                        RecordingErrors.clientMixConflict(sdkAppId, room);
                            };
                        });
        RecordingTask task =
                RecordingTask.create(
                        ControlModes.mixed(
                                UUID.randomUUID().toString(),
                                config,
                                room,
                                recordId,
                                mixSessionId,
                                audioOnly,
                                now),
                        inputs);
        changes.create(task, app.billingZone());
        return new Started(task, true);
    }

    /** The streams mixed from {@code changeTime} on. */
    @Transactional
    public RecordingTask updateInputs(
            String taskId, List<RecordingInput> inputs, Optional<Instant> changeTime) {
        StoredTask stored = lockMixed(taskId);
        RecordingTask task = stored.task();
        if (task.state().ended()) {
            throw RecordingErrors.ended(task);
        }
        Instant at = changeTime.orElse(clock.instant());
        if (at.isBefore(task.updateTime())) {
            throw ServiceException.invalid(
                    "change_time",
                    "must not be before the previous change of the task ("
                            + task.updateTime()
                            + ")");
        }
        return changes.apply(stored, task.withInputs(inputs, at), at).task();
    }

    /** Stops the recording; an ended task is returned unchanged. */
    @Transactional
    public RecordingTask stop(String taskId, EndReason reason) {
        StoredTask stored = lockMixed(taskId);
        Instant now = clock.instant();
        return changes.apply(stored, stored.task().stop(reason, now), now).task();
    }

    private StoredTask lockMixed(String taskId) {
        StoredTask stored =
                tasks.lock(taskId).orElseThrow(() -> RecordingErrors.taskNotFound(taskId));
        if (stored.task().spec().kind() != TaskKind.MIXED) {
            throw RecordingErrors.notMixed(taskId);
        }
        return stored;
    }
}
