package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.recording.domain.callback.CallbackDelivery;
import dev.rtcsuite.recording.domain.callback.CallbackEventType;
import dev.rtcsuite.recording.domain.callback.CallbackPayloads;
import dev.rtcsuite.recording.domain.files.MediaFile;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskSpec;
import dev.rtcsuite.recording.domain.task.TaskState;
import dev.rtcsuite.recording.persistence.CallbackRepository;
import dev.rtcsuite.recording.persistence.Documents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional outbox of callbacks (SPEC C-6): an event is written, with the job that delivers
 * it, in the transaction of the change it reports, so it exists exactly when the change commits.
 * Apps without a callback URL get none.
 */
@ApplicationScoped
public class CallbackOutbox {

    private final RecordingConfigs configs;
    private final CallbackRepository deliveries;
    private final DurableJobs jobs;
    private final Clock clock;

    public CallbackOutbox(
            RecordingConfigs configs,
            CallbackRepository deliveries,
            DurableJobs jobs,
            Clock clock) {
        this.configs = configs;
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** 301 when recording starts, 302 when it stops. */
    void lifecycle(RecordingTask before, RecordingTask after) {
        if (before.state() == TaskState.PENDING && after.state() == TaskState.RECORDING) {
            lifecycleEvent(CallbackEventType.TASK_STARTED, after);
        } else if (before.startTime().isPresent()
                && (before.state() == TaskState.RECORDING
                        || before.state() == TaskState.INTERRUPTED)
                && !after.state().live()) {
            lifecycleEvent(CallbackEventType.TASK_STOPPED, after);
        }
    }

    /** 100 (and 304) when a file is stored. */
    void fileStored(MediaFile file, TaskSpec task) {
        enqueue(
                task.sdkAppId(),
                CallbackEventType.UPLOAD_FINISHED,
                task.taskId(),
                file.fileId(),
                id ->
                        CallbackPayloads.upload(
                                id, CallbackEventType.UPLOAD_FINISHED, file, task, now(), ""));
        enqueue(
                task.sdkAppId(),
                CallbackEventType.FILE_GENERATED,
                task.taskId(),
                file.fileId(),
                id -> CallbackPayloads.fileGenerated(id, file, task, now()));
    }

    /** 303 or 305: an upload started or failed. */
    void upload(CallbackEventType type, MediaFile file, TaskSpec task, String error) {
        enqueue(
                task.sdkAppId(),
                type,
                task.taskId(),
                file.fileId(),
                id -> CallbackPayloads.upload(id, type, file, task, now(), error));
    }

    private void lifecycleEvent(CallbackEventType type, RecordingTask task) {
        enqueue(
                task.spec().sdkAppId(),
                type,
                task.id(),
                "",
                id -> CallbackPayloads.lifecycle(id, type, task, now()));
    }

    private void enqueue(
            long sdkAppId,
            CallbackEventType type,
            String taskId,
            String fileId,
            java.util.function.Function<String, Map<String, Object>> body) {
        String url = configs.current(sdkAppId).callbackUrl();
        if (url.isEmpty()) {
            return;
        }
        String eventId = UUID.randomUUID().toString();
        CallbackDelivery delivery =
                new CallbackDelivery(
                        UUID.randomUUID().toString(),
                        eventId,
                        sdkAppId,
                        type,
                        taskId,
                        fileId,
                        url,
                        CallbackDelivery.State.PENDING,
                        0,
                        0,
                        Optional.empty(),
                        0,
                        "",
                        Documents.write(body.apply(eventId)),
                        now(),
                        Optional.empty());
        deliveries.insert(delivery);
        jobs.schedule(JobKinds.CALLBACK, delivery.jobKey(), JobKinds.NO_PAYLOAD, now());
    }

    private Instant now() {
        return clock.instant();
    }
}
