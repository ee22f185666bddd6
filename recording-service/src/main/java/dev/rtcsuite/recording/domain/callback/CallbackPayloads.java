package dev.rtcsuite.recording.domain.callback;

import dev.rtcsuite.recording.domain.files.MediaFile;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON bodies of callbacks (SPEC C-6), as ordered maps: event 100 carries {@code stream_id},
 * {@code stream_param.userid} (Base64 of the user id), {@code stream_param.userdefinerecordid},
 * {@code video_url}, the file id, format, start/end time (Unix seconds), duration (seconds), size,
 * app and room; lifecycle events name the task and its state. Every body carries its {@code
 * event_id}, which receivers use to drop duplicates.
 */
public final class CallbackPayloads {

    private CallbackPayloads() {}

    public static Map<String, Object> fileGenerated(
            String eventId, MediaFile file, TaskSpec task, Instant eventTime) {
        Map<String, Object> body = head(eventId, CallbackEventType.FILE_GENERATED, task, eventTime);
        fileFields(body, file);
        return body;
    }

    /** 303, 304, 305: an upload of a file started, finished or failed. */
    public static Map<String, Object> upload(
            String eventId,
            CallbackEventType type,
            MediaFile file,
            TaskSpec task,
            Instant eventTime,
            String error) {
        Map<String, Object> body = head(eventId, type, task, eventTime);
        fileFields(body, file);
        if (!error.isEmpty()) {
            body.put("error_message", error);
        }
        return body;
    }

    /** 301, 302: a task started or stopped recording. */
    public static Map<String, Object> lifecycle(
            String eventId, CallbackEventType type, RecordingTask task, Instant eventTime) {
        Map<String, Object> body = head(eventId, type, task.spec(), eventTime);
        body.put("task_state", task.state().name());
        task.endReason().ifPresent(reason -> body.put("end_reason", reason.name()));
        return body;
    }

    /** 900: a test sent by TestCallbackEndpoint. */
    public static Map<String, Object> test(String eventId, long sdkAppId, Instant eventTime) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", eventId);
        body.put("event_type", CallbackEventType.TEST.code());
        body.put("sdkappid", sdkAppId);
        body.put("event_time", eventTime.getEpochSecond());
        return body;
    }

    private static Map<String, Object> head(
            String eventId, CallbackEventType type, TaskSpec task, Instant eventTime) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", eventId);
        body.put("event_type", type.code());
        body.put("sdkappid", task.sdkAppId());
        body.put("roomid", task.room().id());
        body.put("task_id", task.taskId());
        body.put("stream_id", task.effectiveStreamId());
        body.put("record_id", task.recordId());
        Map<String, Object> streamParam = new LinkedHashMap<>();
        streamParam.put("userid", base64(task.userId()));
        streamParam.put("userdefinerecordid", task.userDefineRecordId());
        body.put("stream_param", streamParam);
        body.put("event_time", eventTime.getEpochSecond());
        return body;
    }

    private static void fileFields(Map<String, Object> body, MediaFile file) {
        body.put("file_id", file.fileId());
        body.put("file_name", file.name());
        body.put("file_format", file.format().name().toLowerCase(Locale.ROOT));
        body.put("video_url", file.storageUrl());
        body.put("start_time", file.startTime().getEpochSecond());
        body.put("end_time", file.endTime().getEpochSecond());
        body.put("duration", file.duration().toSeconds());
        body.put("file_size", file.sizeBytes());
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
