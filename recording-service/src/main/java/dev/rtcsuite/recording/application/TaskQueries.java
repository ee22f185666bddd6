package dev.rtcsuite.recording.application;

import dev.rtcsuite.recording.domain.files.MediaFile;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.persistence.FileRepository;
import dev.rtcsuite.recording.persistence.TaskRepository;
import dev.rtcsuite.recording.persistence.TaskRepository.StoredTask;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reading tasks: ended ones too, with their end reason (SPEC C-3). */
@ApplicationScoped
public class TaskQueries {

    private final TaskRepository tasks;
    private final FileRepository files;

    public TaskQueries(TaskRepository tasks, FileRepository files) {
        this.tasks = tasks;
        this.files = files;
    }

    /**
     * The task; NOT_FOUND unless it exists and (for a non-zero {@code sdkAppId}) belongs to that
     * app.
     */
    public RecordingTask task(String taskId, long sdkAppId) {
        return tasks.find(taskId)
                .map(StoredTask::task)
                .filter(t -> sdkAppId == 0 || t.spec().sdkAppId() == sdkAppId)
                .orElseThrow(() -> RecordingErrors.taskNotFound(taskId));
    }

    public List<TaskRepository.Listed> list(TaskRepository.ListQuery query) {
        return tasks.list(query);
    }

    /** The ids of the files a task produced so far. */
    public List<String> fileIds(String taskId) {
        return files.ofTask(taskId).stream().map(MediaFile::fileId).toList();
    }
}
