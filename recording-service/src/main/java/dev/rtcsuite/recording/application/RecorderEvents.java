package dev.rtcsuite.recording.application;

import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.callback.CallbackEventType;
import dev.rtcsuite.recording.domain.files.FileNames;
import dev.rtcsuite.recording.domain.files.FileState;
import dev.rtcsuite.recording.domain.files.MediaFile;
import dev.rtcsuite.recording.domain.task.EndReason;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskSpec;
import dev.rtcsuite.recording.persistence.AppliedEvents;
import dev.rtcsuite.recording.persistence.FileRepository;
import dev.rtcsuite.recording.persistence.TaskRepository;
import dev.rtcsuite.recording.persistence.TaskRepository.StoredTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Reports of recorder workers (SPEC C-3, C-5): media started, files closed, stored or failing to
 * store (kept and retried, never lost silently), the task failing. A stored file is indexed under
 * its C-4 name and announced (callback 100).
 */
@ApplicationScoped
public class RecorderEvents {

    /** What a report came to. */
    public record Applied(RecordingTask task, Optional<MediaFile> file, boolean duplicate) {}

    /** A recorder report (proto RecorderEvent). */
    public record Report(
            String eventId,
            String taskId,
            Kind kind,
            Instant eventTime,
            Optional<ReportedFile> file,
            String errorMessage) {}

    public enum Kind {
        MEDIA_STARTED,
        FILE_UPLOAD_STARTED,
        FILE_UPLOADED,
        FILE_UPLOAD_FAILED,
        TASK_FAILED
    }

    /** A file as the recorder describes it. */
    public record ReportedFile(
            int fileSequence,
            FileFormat format,
            Instant start,
            Instant end,
            Duration duration,
            long sizeBytes,
            String storageUrl) {}

    private final AppliedEvents applied;
    private final TaskRepository tasks;
    private final FileRepository files;
    private final TaskChanges changes;
    private final CallbackOutbox callbacks;
    private final RecordingConfigs configs;
    private final Clock clock;

    public RecorderEvents(
            AppliedEvents applied,
            TaskRepository tasks,
            FileRepository files,
            TaskChanges changes,
            CallbackOutbox callbacks,
            RecordingConfigs configs,
            Clock clock) {
        this.applied = applied;
        this.tasks = tasks;
        this.files = files;
        this.changes = changes;
        this.callbacks = callbacks;
        this.configs = configs;
        this.clock = clock;
    }

    @Transactional
    public Applied apply(Report report) {
        StoredTask stored =
                tasks.lock(report.taskId())
                        .orElseThrow(() -> RecordingErrors.taskNotFound(report.taskId()));
        if (!applied.claim(AppliedEvents.Source.RECORDER, report.eventId(), clock.instant())) {
            return new Applied(stored.task(), Optional.empty(), true);
        }
        RecordingTask task = stored.task();
        Instant at = report.eventTime();
        return switch (report.kind()) {
            case MEDIA_STARTED ->
                    new Applied(
                            changes.apply(stored, task.mediaStarted(at), at).task(),
                            Optional.empty(),
                            false);
            case TASK_FAILED ->
                    new Applied(
                            changes.apply(
                                            stored,
                                            task.fail(
                                                    EndReason.RECORDER_FAILED,
                                                    report.errorMessage(),
                                                    at),
                                            at)
                                    .task(),
                            Optional.empty(),
                            false);
            case FILE_UPLOAD_STARTED, FILE_UPLOADED, FILE_UPLOAD_FAILED ->
                    new Applied(task, Optional.of(file(stored, report)), false);
        };
    }

    private MediaFile file(StoredTask stored, Report report) {
        TaskSpec spec = stored.task().spec();
        ReportedFile reported = report.file().orElseThrow();
        MediaFile existing =
                files.lockOfTask(spec.taskId(), reported.fileSequence(), reported.format())
                        .orElse(null);
        switch (report.kind()) {
            case FILE_UPLOAD_STARTED -> {
                MediaFile file =
                        existing != null
                                ? existing
                                : index(stored, reported, FileState.UPLOAD_RETRYING);
                callbacks.upload(CallbackEventType.UPLOAD_STARTED, file, spec, "");
                return file;
            }
            case FILE_UPLOAD_FAILED -> {
                MediaFile file =
                        existing != null
                                ? existing
                                : index(stored, reported, FileState.UPLOAD_RETRYING);
                callbacks.upload(
                        CallbackEventType.UPLOAD_FAILED, file, spec, report.errorMessage());
                return file;
            }
            default -> {
                if (existing != null && existing.state() == FileState.AVAILABLE) {
                    return existing;
                }
                MediaFile file =
                        existing != null
                                ? existing.stored(reported.sizeBytes(), reported.storageUrl())
                                : index(stored, reported, FileState.AVAILABLE);
                if (existing != null) {
                    files.markStored(file, clock.instant());
                }
                callbacks.fileStored(file, spec);
                return file;
            }
        }
    }

    private MediaFile index(StoredTask stored, ReportedFile reported, FileState state) {
        TaskSpec spec = stored.task().spec();
        var config = configs.current(spec.sdkAppId());
        Instant now = clock.instant();
        MediaFile file =
                new MediaFile(
                        UUID.randomUUID().toString(),
                        spec.taskId(),
                        reported.fileSequence(),
                        reported.format(),
                        FileNames.name(spec, reported.start(), reported.end(), stored.zone()),
                        spec.sdkAppId(),
                        spec.room(),
                        spec.userId(),
                        spec.streamType(),
                        spec.effectiveStreamId(),
                        spec.userDefineRecordId(),
                        spec.recordId(),
                        reported.start(),
                        reported.end(),
                        reported.duration(),
                        reported.sizeBytes(),
                        reported.storageUrl(),
                        config.storageSubApp(),
                        config.retentionDays() == 0
                                ? Optional.empty()
                                : Optional.of(now.plus(Duration.ofDays(config.retentionDays()))),
                        state,
                        now);
        files.insert(file);
        return file;
    }
}
