package dev.rtcsuite.suite.flows;

import com.google.protobuf.FieldMask;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.GetRecordingTaskRequest;
import dev.rtcsuite.recording.v1.ListRecordingTasksRequest;
import dev.rtcsuite.recording.v1.MediaFile;
import dev.rtcsuite.recording.v1.RecordedFile;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.RecordingTask;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import io.grpc.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The media plane's side of one anchor's single-stream recording, as an e2e flow plays it: the
 * anchor publishes, the recorder reports media, the anchor stops, the recorder uploads the file and
 * the storage transfer completes the task (SPEC C-2.1, C-3). recording-service reports the task's
 * usage to rating-service by itself.
 */
public final class Recorder {

    /** The recording-service's storage transfer of a stopped task's files (its default). */
    public static final Duration TRANSFER_DELAY = Duration.ofSeconds(60);

    private final RecordingServiceGrpc.RecordingServiceBlockingStub admin;
    private final RecordingServiceGrpc.RecordingServiceBlockingStub media;
    private final SuiteTime time;
    private final Duration patience;

    public Recorder(
            Channel recordingAdmin, Channel recordingMedia, SuiteTime time, Duration patience) {
        this.admin = RecordingServiceGrpc.newBlockingStub(recordingAdmin);
        this.media = RecordingServiceGrpc.newBlockingStub(recordingMedia);
        this.time = time;
        this.patience = patience;
    }

    /** Recording on for the app: every anchor recorded automatically, HLS, no resume wait. */
    public void recordEveryAnchor(long app) {
        admin.updateRecordingConfig(
                UpdateRecordingConfigRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setConfig(
                                RecordingConfig.newBuilder()
                                        .setSdkAppId(app)
                                        .setEnabled(true)
                                        .setMode(RecordingMode.RECORDING_MODE_GLOBAL_AUTO)
                                        .addFormats(FileFormat.FILE_FORMAT_HLS)
                                        .setResumeTimeoutSeconds(0))
                        .setUpdateMask(
                                FieldMask.newBuilder()
                                        .addAllPaths(
                                                List.of(
                                                        "enabled",
                                                        "mode",
                                                        "formats",
                                                        "resume_timeout_seconds")))
                        .build());
    }

    /**
     * The anchor streams for {@code streaming} from now; returns its file once the task has
     * completed.
     */
    public MediaFile record(long app, int room, RecordingFlow.Anchor anchor, Duration streaming)
            throws Exception {
        Instant start = time.now();
        RecordingTask task = startStreaming(app, room, anchor, start);
        time.pass(streaming);
        Instant end = start.plus(streaming);
        stopStreaming(app, room, anchor, end);
        awaitState(task.getTaskId(), RecordingTaskState.RECORDING_TASK_STATE_FINALIZING);
        MediaFile file =
                media.reportRecorderEvent(
                                RecordingFlow.recorderEvent(
                                        task.getTaskId(),
                                        RecorderEventKind.RECORDER_EVENT_KIND_FILE_UPLOADED,
                                        end,
                                        uploaded(task.getTaskId(), start, end)))
                        .getFile();
        time.pass(TRANSFER_DELAY);
        awaitState(task.getTaskId(), RecordingTaskState.RECORDING_TASK_STATE_COMPLETED);
        return file;
    }

    /**
     * The anchor publishes at {@code at} and, once its task exists, the recorder reports media; the
     * task, RECORDING. Fails when recording-service started no task (e.g. out of service).
     */
    public RecordingTask startStreaming(long app, int room, RecordingFlow.Anchor anchor, Instant at)
            throws Exception {
        media.reportStreamEvent(
                RecordingFlow.streamEvent(
                        app, room, anchor, StreamEventKind.STREAM_EVENT_KIND_PUBLISHED, at));
        RecordingTask task =
                liveTask(app, anchor.userId())
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no recording task for "
                                                        + anchor.userId()
                                                        + " of app "
                                                        + app));
        media.reportRecorderEvent(
                RecordingFlow.recorderEvent(
                        task.getTaskId(),
                        RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED,
                        at,
                        null));
        awaitState(task.getTaskId(), RecordingTaskState.RECORDING_TASK_STATE_RECORDING);
        return task;
    }

    /** The anchor stops publishing at {@code at}. */
    public void stopStreaming(long app, int room, RecordingFlow.Anchor anchor, Instant at) {
        media.reportStreamEvent(
                RecordingFlow.streamEvent(
                        app, room, anchor, StreamEventKind.STREAM_EVENT_KIND_UNPUBLISHED, at));
    }

    /** The anchor's task that has not ended, if any. */
    public Optional<RecordingTask> liveTask(long app, String userId) {
        return tasks(app).stream()
                .filter(t -> t.getUserId().equals(userId))
                .filter(
                        t ->
                                t.getState() != RecordingTaskState.RECORDING_TASK_STATE_COMPLETED
                                        && t.getState()
                                                != RecordingTaskState.RECORDING_TASK_STATE_FAILED)
                .findFirst();
    }

    public List<RecordingTask> tasks(long app) {
        return admin.listRecordingTasks(
                        ListRecordingTasksRequest.newBuilder().setSdkAppId(app).build())
                .getTasksList();
    }

    /** What a recorder uploads for a task's HLS file of [start, end), at 1 Mbit/s. */
    static RecordedFile uploaded(String taskId, Instant start, Instant end) {
        long seconds = Duration.between(start, end).toSeconds();
        return RecordedFile.newBuilder()
                .setFileSequence(0)
                .setFormat(FileFormat.FILE_FORMAT_HLS)
                .setStartTime(RecordingFlow.timestamp(start))
                .setEndTime(RecordingFlow.timestamp(end))
                .setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(seconds))
                .setSizeBytes(seconds * 125_000)
                .setStorageUrl("https://vod.example.com/" + taskId + "/index.m3u8")
                .build();
    }

    private void awaitState(String taskId, RecordingTaskState state) throws InterruptedException {
        RecordingFlow.await(
                () ->
                        admin.getRecordingTask(
                                                GetRecordingTaskRequest.newBuilder()
                                                        .setTaskId(taskId)
                                                        .build())
                                        .getTask()
                                        .getState()
                                == state,
                patience,
                "task " + taskId + " " + state);
    }
}
