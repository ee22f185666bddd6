package dev.rtcsuite.recording.application;

import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.room.RoomState;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskState;
import dev.rtcsuite.recording.persistence.Notices;
import dev.rtcsuite.recording.persistence.RoomRepository;
import dev.rtcsuite.recording.persistence.TaskRepository;
import dev.rtcsuite.recording.persistence.TaskRepository.StoredTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WatchRoomStreams (mixing-service lays out mixes from it) and WatchRecordingTasks (recorder
 * workers execute tasks from it).
 */
@ApplicationScoped
public class Watches {

    /** A room or task for a watcher; {@code snapshot} for the initial messages. */
    public record Sighting<T>(T item, boolean snapshot) {}

    private static final Set<TaskState> UNENDED =
            EnumSet.of(
                    TaskState.PENDING,
                    TaskState.RECORDING,
                    TaskState.INTERRUPTED,
                    TaskState.FINALIZING);

    private final RoomRepository rooms;
    private final TaskRepository tasks;
    private final Clock clock;
    private final ChangeFeed<RoomState> roomFeed;
    private final ChangeFeed<RecordingTask> taskFeed;

    Watches(RoomRepository rooms, TaskRepository tasks, Notices notices, Clock clock) {
        this.rooms = rooms;
        this.tasks = tasks;
        this.clock = clock;
        this.roomFeed =
                new ChangeFeed<>("room-watch", notices.rooms(), this::room, Watches::roomId);
        this.taskFeed =
                new ChangeFeed<>(
                        "task-watch",
                        notices.tasks(),
                        id -> tasks.find(id).map(StoredTask::task),
                        RecordingTask::id);
    }

    void onStart(@Observes StartupEvent start) {
        roomFeed.start();
        taskFeed.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        roomFeed.stop();
        taskFeed.stop();
    }

    /**
     * One room (its state now, even when it has no stream yet), or every room of the app with
     * published streams.
     */
    public Multi<Sighting<RoomState>> rooms(long sdkAppId, Optional<Room> room) {
        return roomFeed.watch(
                        () ->
                                room.map(
                                                r ->
                                                        List.of(
                                                                rooms.find(sdkAppId, r)
                                                                        .orElse(
                                                                                RoomState.empty(
                                                                                        sdkAppId,
                                                                                        r,
                                                                                        clock
                                                                                                .instant()))))
                                        .orElseGet(() -> rooms.live(sdkAppId)),
                        state ->
                                state.sdkAppId() == sdkAppId
                                        && room.map(r -> r.equals(state.room())).orElse(true),
                        state ->
                                room.isPresent()
                                        || (!state.dismissed() && !state.streams().isEmpty()))
                .map(s -> new Sighting<>(s.item(), s.snapshot()));
    }

    /** Tasks in these states (empty = not ended) of one app (0 = all). */
    public Multi<Sighting<RecordingTask>> tasks(Set<TaskState> states, long sdkAppId) {
        Set<TaskState> watched = states.isEmpty() ? UNENDED : Set.copyOf(states);
        return taskFeed.watch(
                        () ->
                                tasks.inStates(watched, sdkAppId).stream()
                                        .map(StoredTask::task)
                                        .toList(),
                        task -> sdkAppId == 0 || task.spec().sdkAppId() == sdkAppId,
                        task -> watched.contains(task.state()))
                .map(s -> new Sighting<>(s.item(), s.snapshot()));
    }

    private Optional<RoomState> room(String id) {
        int bar = id.indexOf('|');
        return rooms.find(Long.parseLong(id.substring(0, bar)), Room.ofKey(id.substring(bar + 1)));
    }

    private static String roomId(RoomState state) {
        return state.sdkAppId() + "|" + state.room().key();
    }
}
