package dev.rtcsuite.recording.testing;

import com.google.protobuf.FieldMask;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.ListRecordingTasksRequest;
import dev.rtcsuite.recording.v1.RecordedFile;
import dev.rtcsuite.recording.v1.RecorderEvent;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.RecordingTask;
import dev.rtcsuite.recording.v1.ReportRecorderEventRequest;
import dev.rtcsuite.recording.v1.ReportRecorderEventResponse;
import dev.rtcsuite.recording.v1.ReportStreamEventRequest;
import dev.rtcsuite.recording.v1.StreamEvent;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Drives recording-service through its API as the media plane, recorders and admins do. */
public final class Recording {

    private static final AtomicLong APPS =
            new AtomicLong(1_400_000_000L + (System.nanoTime() % 1_000_000) * 100);
    private static final AtomicInteger ROOMS =
            new AtomicInteger((int) (System.nanoTime() % 100_000) + 1);

    private final RecordingServiceBlockingStub stub;
    private final Clock clock;

    public Recording(RecordingServiceBlockingStub stub, Clock clock) {
        this.stub = stub;
        this.clock = clock;
    }

    public static long newApp() {
        return APPS.incrementAndGet();
    }

    public static int newRoom() {
        return ROOMS.incrementAndGet();
    }

    public RecordingConfig configure(
            long app,
            RecordingMode mode,
            List<FileFormat> formats,
            int maxMinutes,
            int resumeSeconds) {
        return stub.updateRecordingConfig(
                        UpdateRecordingConfigRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setConfig(
                                        RecordingConfig.newBuilder()
                                                .setSdkAppId(app)
                                                .setEnabled(true)
                                                .setMode(mode)
                                                .addAllFormats(formats)
                                                .setMaxFileDurationMinutes(maxMinutes)
                                                .setResumeTimeoutSeconds(resumeSeconds))
                                .setUpdateMask(
                                        FieldMask.newBuilder()
                                                .addAllPaths(
                                                        List.of(
                                                                "enabled",
                                                                "mode",
                                                                "formats",
                                                                "max_file_duration_minutes",
                                                                "resume_timeout_seconds")))
                                .build())
                .getConfig();
    }

    public StreamEvent.Builder event(StreamEventKind kind, long app, int room, String user) {
        return StreamEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setKind(kind)
                .setSdkAppId(app)
                .setRoomId(room)
                .setUserId(user)
                .setStreamType(StreamType.STREAM_TYPE_MAIN)
                .setHasAudio(true)
                .setHasVideo(true)
                .setWidth(1280)
                .setHeight(720)
                .setEventTime(ProtoTime.timestamp(clock.instant()));
    }

    public boolean report(StreamEvent.Builder event) {
        return stub.reportStreamEvent(
                        ReportStreamEventRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setEvent(event)
                                .build())
                .getDuplicate();
    }

    public void publish(long app, int room, String user) {
        report(event(StreamEventKind.STREAM_EVENT_KIND_PUBLISHED, app, room, user));
    }

    public void publish(long app, int room, String user, String userDefineRecordId) {
        report(
                event(StreamEventKind.STREAM_EVENT_KIND_PUBLISHED, app, room, user)
                        .setUserDefineRecordId(userDefineRecordId));
    }

    public void unpublish(long app, int room, String user) {
        report(event(StreamEventKind.STREAM_EVENT_KIND_UNPUBLISHED, app, room, user));
    }

    public List<RecordingTask> tasks(long app) {
        return stub.listRecordingTasks(
                        ListRecordingTasksRequest.newBuilder().setSdkAppId(app).build())
                .getTasksList();
    }

    public RecordingTask onlyTask(long app) {
        List<RecordingTask> tasks = tasks(app);
        if (tasks.size() != 1) {
            throw new AssertionError("expected one task, got " + tasks);
        }
        return tasks.getFirst();
    }

    public ReportRecorderEventResponse recorder(String taskId, RecorderEventKind kind) {
        return recorder(taskId, kind, null);
    }

    public ReportRecorderEventResponse recorder(
            String taskId, RecorderEventKind kind, RecordedFile file) {
        RecorderEvent.Builder event =
                RecorderEvent.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setTaskId(taskId)
                        .setKind(kind)
                        .setWorkerId("worker-1")
                        .setEventTime(ProtoTime.timestamp(clock.instant()));
        if (file != null) {
            event.setFile(file);
        }
        return stub.reportRecorderEvent(
                ReportRecorderEventRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setEvent(event)
                        .build());
    }

    public ReportRecorderEventResponse uploaded(
            String taskId, int sequence, FileFormat format, Instant start, Instant end) {
        return recorder(
                taskId,
                RecorderEventKind.RECORDER_EVENT_KIND_FILE_UPLOADED,
                RecordedFile.newBuilder()
                        .setFileSequence(sequence)
                        .setFormat(format)
                        .setStartTime(ProtoTime.timestamp(start))
                        .setEndTime(ProtoTime.timestamp(end))
                        .setSizeBytes(1_000_000)
                        .setStorageUrl(
                                "https://vod.example.com/"
                                        + taskId
                                        + "/"
                                        + sequence
                                        + "."
                                        + format.name())
                        .build());
    }
}
