package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.ChangeNotices;
import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.recording.domain.Room;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/** Room and task changes announced to every replica's watchers when they commit. */
@ApplicationScoped
public class Notices {

    private final ChangeNotices rooms;
    private final ChangeNotices tasks;

    public Notices(Jdbc jdbc, AgroalDataSource dataSource) {
        this.rooms = new ChangeNotices(jdbc, dataSource, "recording_room_changed");
        this.tasks = new ChangeNotices(jdbc, dataSource, "recording_task_changed");
    }

    public void roomChanged(long sdkAppId, Room room) {
        rooms.announce(sdkAppId + "|" + room.key());
    }

    public void taskChanged(String taskId) {
        tasks.announce(taskId);
    }

    public ChangeNotices rooms() {
        return rooms;
    }

    public ChangeNotices tasks() {
        return tasks;
    }
}
