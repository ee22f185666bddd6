package dev.rtcsuite.suite;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.RecorderEvent;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.ReportRecorderEventRequest;
import dev.rtcsuite.recording.v1.ReportStreamEventRequest;
import dev.rtcsuite.recording.v1.StreamEvent;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import io.grpc.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the fault tests send as the media plane and as an app's admin to recording-service. */
final class MediaEvents {

    private MediaEvents() {}

    /** Recording on (HLS, 60 s resume wait) in {@code mode}, callbacks to {@code callbackUrl}. */
    static void configureRecording(
            Channel recordingAdmin, long app, RecordingMode mode, String callbackUrl) {
        RecordingServiceGrpc.newBlockingStub(recordingAdmin)
                .updateRecordingConfig(
                        UpdateRecordingConfigRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setConfig(
                                        RecordingConfig.newBuilder()
                                                .setSdkAppId(app)
                                                .setEnabled(true)
                                                .setMode(mode)
                                                .addFormats(FileFormat.FILE_FORMAT_HLS)
                                                .setResumeTimeoutSeconds(60)
                                                .setCallbackUrl(callbackUrl))
                                .setUpdateMask(
                                        FieldMask.newBuilder()
                                                .addAllPaths(
                                                        List.of(
                                                                "enabled",
                                                                "mode",
                                                                "formats",
                                                                "resume_timeout_seconds",
                                                                "callback_url")))
                                .build());
    }

    /** An anchor's main stream (width 0: audio only) published or unpublished at {@code at}. */
    static ReportStreamEventRequest anchor(
            long app,
            int room,
            String user,
            int width,
            int height,
            StreamEventKind kind,
            Instant at) {
        return ReportStreamEventRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setEvent(
                        StreamEvent.newBuilder()
                                .setEventId(UUID.randomUUID().toString())
                                .setKind(kind)
                                .setSdkAppId(app)
                                .setRoomId(room)
                                .setUserId(user)
                                .setStreamType(StreamType.STREAM_TYPE_MAIN)
                                .setHasAudio(true)
                                .setHasVideo(width > 0)
                                .setWidth(width)
                                .setHeight(height)
                                .setEventTime(timestamp(at))
                                .setUserEnterTime(timestamp(at)))
                .build();
    }

    static ReportRecorderEventRequest recorder(String taskId, RecorderEventKind kind, Instant at) {
        return ReportRecorderEventRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setEvent(
                        RecorderEvent.newBuilder()
                                .setEventId(UUID.randomUUID().toString())
                                .setTaskId(taskId)
                                .setKind(kind)
                                .setWorkerId("fault-drill-recorder")
                                .setEventTime(timestamp(at)))
                .build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    static Date date(LocalDate day) {
        return Date.newBuilder()
                .setYear(day.getYear())
                .setMonth(day.getMonthValue())
                .setDay(day.getDayOfMonth())
                .build();
    }
}
