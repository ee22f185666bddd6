package dev.rtcsuite.recording.grpc;

import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.recording.application.RecorderEvents;
import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import dev.rtcsuite.recording.domain.room.StreamEvent;
import dev.rtcsuite.recording.domain.task.RecordingInput;
import dev.rtcsuite.recording.v1.RecordedFile;
import dev.rtcsuite.recording.v1.RecorderEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Requests → domain values, every bad field named with its range (SPEC X-1). */
final class RecordingRequests {

    static final long MAX_ROOM_ID = 4_294_967_294L;
    private static final Pattern STR_ROOM =
            Pattern.compile("[A-Za-z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]{1,64}");
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RecordingRequests() {}

    static void app(long sdkAppId, String field, FieldChecks checks) {
        checks.check(sdkAppId > 0, field, "required: a positive SdkAppId");
    }

    /** The room of a oneof: numeric 1–4,294,967,294 or a string of 1–64 characters. */
    static Optional<Room> room(
            long numeric,
            boolean hasNumeric,
            String text,
            boolean hasText,
            String prefix,
            FieldChecks checks) {
        if (hasNumeric) {
            long id = Integer.toUnsignedLong((int) numeric);
            checks.check(id >= 1 && id <= MAX_ROOM_ID, prefix + "room_id", "must be 1–4294967294");
            return id >= 1 && id <= MAX_ROOM_ID ? Optional.of(Room.numeric(id)) : Optional.empty();
        }
        if (hasText) {
            boolean valid = STR_ROOM.matcher(text).matches();
            checks.check(
                    valid,
                    prefix + "str_room_id",
                    "must be 1–64 characters of TRTC's string room id set");
            return valid ? Optional.of(Room.named(text)) : Optional.empty();
        }
        return Optional.empty();
    }

    static Room requiredRoom(
            long numeric,
            boolean hasNumeric,
            String text,
            boolean hasText,
            String prefix,
            FieldChecks checks) {
        if (!hasNumeric && !hasText) {
            checks.check(false, prefix + "room_id", "required: room_id or str_room_id");
            return null;
        }
        return room(numeric, hasNumeric, text, hasText, prefix, checks).orElse(null);
    }

    /** An optional time filter. */
    /** A filter's time range: its end, when both are given, not before its start. */
    /** A creation-time filter of a list request: from ≤ time < before, each bound optional. */
    record TimeRange(Optional<Instant> from, Optional<Instant> before) {}

    /** The request's start_time … end_time filter; an end before the start is named. */
    static TimeRange timeRange(
            boolean hasStart,
            com.google.protobuf.Timestamp start,
            boolean hasEnd,
            com.google.protobuf.Timestamp end,
            FieldChecks checks) {
        TimeRange range = new TimeRange(time(hasStart, start), time(hasEnd, end));
        checks.check(
                range.from().isEmpty()
                        || range.before().isEmpty()
                        || !range.before().get().isBefore(range.from().get()),
                "end_time",
                "must not be before start_time");
        return range;
    }

    private static Optional<Instant> time(boolean present, com.google.protobuf.Timestamp time) {
        return present ? Optional.of(ProtoTime.instant(time)) : Optional.empty();
    }

    /**
     * A set filter of enum values; unknown or UNSPECIFIED values ({@code map} → null) are named.
     */
    static <P, D extends Enum<D>> Set<D> enums(
            List<P> values,
            Function<P, D> map,
            Class<D> type,
            String field,
            String allowed,
            FieldChecks checks) {
        Set<D> result = EnumSet.noneOf(type);
        for (P value : values) {
            D domain = map.apply(value);
            checks.check(domain != null, field, allowed);
            if (domain != null) {
                result.add(domain);
            }
        }
        return result;
    }

    static String recordId(String recordId, FieldChecks checks) {
        checks.check(
                RECORD_ID.matcher(recordId).matches(),
                "record_id",
                "1–64 characters of A–Z, a–z, 0–9, '_' and '-'");
        return recordId;
    }

    static StreamType streamType(dev.rtcsuite.common.v1.StreamType type) {
        return type == dev.rtcsuite.common.v1.StreamType.STREAM_TYPE_AUX
                ? StreamType.AUX
                : StreamType.MAIN;
    }

    static List<RecordingInput> inputs(
            List<dev.rtcsuite.recording.v1.RecordingInput> inputs, FieldChecks checks) {
        List<RecordingInput> result = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            var input = inputs.get(i);
            checks.length(input.getUserId(), 1, 32, "inputs[" + i + "].user_id");
            result.add(
                    new RecordingInput(
                            input.getUserId(),
                            streamType(input.getStreamType()),
                            input.getVideoMixed()));
        }
        return result;
    }

    static FileFormat format(dev.rtcsuite.recording.v1.FileFormat format) {
        return switch (format) {
            case FILE_FORMAT_HLS -> FileFormat.HLS;
            case FILE_FORMAT_MP4 -> FileFormat.MP4;
            case FILE_FORMAT_FLV -> FileFormat.FLV;
            case FILE_FORMAT_AAC -> FileFormat.AAC;
            default -> null;
        };
    }

    static StreamEvent streamEvent(
            dev.rtcsuite.recording.v1.StreamEvent event, String prefix, FieldChecks checks) {
        checks.length(event.getEventId(), 1, 128, prefix + "event_id");
        StreamEvent.Kind kind =
                switch (event.getKind()) {
                    case STREAM_EVENT_KIND_PUBLISHED -> StreamEvent.Kind.PUBLISHED;
                    case STREAM_EVENT_KIND_UNPUBLISHED -> StreamEvent.Kind.UNPUBLISHED;
                    case STREAM_EVENT_KIND_MEDIA_CHANGED -> StreamEvent.Kind.MEDIA_CHANGED;
                    case STREAM_EVENT_KIND_ROOM_DISMISSED -> StreamEvent.Kind.ROOM_DISMISSED;
                    case STREAM_EVENT_KIND_CLIENT_MIX_STARTED ->
                            StreamEvent.Kind.CLIENT_MIX_STARTED;
                    case STREAM_EVENT_KIND_CLIENT_MIX_STOPPED ->
                            StreamEvent.Kind.CLIENT_MIX_STOPPED;
                    default -> null;
                };
        checks.check(
                kind != null,
                prefix + "kind",
                "required: one of PUBLISHED, UNPUBLISHED, MEDIA_CHANGED, ROOM_DISMISSED, CLIENT_MIX_STARTED, CLIENT_MIX_STOPPED");
        app(event.getSdkAppId(), prefix + "sdk_app_id", checks);
        Room room =
                requiredRoom(
                        event.getRoomId(),
                        event.hasRoomId(),
                        event.getStrRoomId(),
                        event.hasStrRoomId(),
                        prefix,
                        checks);
        boolean streamLevel =
                kind == StreamEvent.Kind.PUBLISHED
                        || kind == StreamEvent.Kind.UNPUBLISHED
                        || kind == StreamEvent.Kind.MEDIA_CHANGED;
        if (streamLevel) {
            checks.length(event.getUserId(), 1, 32, prefix + "user_id");
        }
        checks.check(event.getStreamId().length() <= 64, prefix + "stream_id", "0–64 characters");
        checks.check(
                event.getUserDefineRecordId().length() <= 64,
                prefix + "user_define_record_id",
                "0–64 characters");
        checks.check(event.getWidth() <= 8192, prefix + "width", "0–8192 pixels");
        checks.check(event.getHeight() <= 8192, prefix + "height", "0–8192 pixels");
        checks.check(
                event.getHasVideo() || (event.getWidth() == 0 && event.getHeight() == 0),
                prefix + "width",
                "must be 0 when has_video is false");
        checks.check(
                event.hasEventTime(),
                prefix + "event_time",
                "required: when it happened at the media plane");
        if (!checks.isValid()) {
            return null;
        }
        Instant time = ProtoTime.instant(event.getEventTime());
        return new StreamEvent(
                event.getEventId(),
                kind,
                event.getSdkAppId(),
                room,
                event.getUserId(),
                streamType(event.getStreamType()),
                event.getStreamId(),
                event.getUserDefineRecordId(),
                event.getHasAudio(),
                event.getHasVideo(),
                event.getWidth(),
                event.getHeight(),
                time,
                event.hasUserEnterTime() ? ProtoTime.instant(event.getUserEnterTime()) : time);
    }

    static RecorderEvents.Report recorderEvent(RecorderEvent event, FieldChecks checks) {
        checks.length(event.getEventId(), 1, 128, "event.event_id");
        checks.check(!event.getTaskId().isEmpty(), "event.task_id", "required: the task");
        checks.length(event.getWorkerId(), 1, 128, "event.worker_id");
        checks.check(
                event.getErrorMessage().length() <= 1_024,
                "event.error_message",
                "0–1,024 characters");
        checks.check(event.hasEventTime(), "event.event_time", "required");
        RecorderEvents.Kind kind =
                switch (event.getKind()) {
                    case RECORDER_EVENT_KIND_MEDIA_STARTED -> RecorderEvents.Kind.MEDIA_STARTED;
                    case RECORDER_EVENT_KIND_FILE_UPLOAD_STARTED ->
                            RecorderEvents.Kind.FILE_UPLOAD_STARTED;
                    case RECORDER_EVENT_KIND_FILE_UPLOADED -> RecorderEvents.Kind.FILE_UPLOADED;
                    case RECORDER_EVENT_KIND_FILE_UPLOAD_FAILED ->
                            RecorderEvents.Kind.FILE_UPLOAD_FAILED;
                    case RECORDER_EVENT_KIND_TASK_FAILED -> RecorderEvents.Kind.TASK_FAILED;
                    default -> null;
                };
        checks.check(kind != null, "event.kind", "required: a RecorderEventKind");
        Optional<RecorderEvents.ReportedFile> file = Optional.empty();
        boolean fileKind =
                kind == RecorderEvents.Kind.FILE_UPLOAD_STARTED
                        || kind == RecorderEvents.Kind.FILE_UPLOADED
                        || kind == RecorderEvents.Kind.FILE_UPLOAD_FAILED;
        if (fileKind) {
            file = file(event.getFile(), kind == RecorderEvents.Kind.FILE_UPLOADED, checks);
        }
        if (!checks.isValid()) {
            return null;
        }
        return new RecorderEvents.Report(
                event.getEventId(),
                event.getTaskId(),
                kind,
                ProtoTime.instant(event.getEventTime()),
                file,
                event.getErrorMessage());
    }

    private static Optional<RecorderEvents.ReportedFile> file(
            RecordedFile file, boolean uploaded, FieldChecks checks) {
        FileFormat format = format(file.getFormat());
        checks.check(format != null, "event.file.format", "required: HLS, MP4, FLV or AAC");
        checks.check(file.getFileSequence() >= 0, "event.file.file_sequence", "must be ≥ 0");
        checks.check(
                file.hasStartTime() && file.hasEndTime(),
                "event.file.start_time",
                "start_time and end_time are required");
        boolean ordered =
                file.hasStartTime()
                        && file.hasEndTime()
                        && !ProtoTime.instant(file.getEndTime())
                                .isBefore(ProtoTime.instant(file.getStartTime()));
        checks.check(ordered, "event.file.end_time", "must not be before start_time");
        checks.check(file.getSizeBytes() >= 0, "event.file.size_bytes", "must be ≥ 0");
        if (uploaded) {
            checks.length(file.getStorageUrl(), 1, 2_048, "event.file.storage_url");
        }
        if (format == null || !ordered) {
            return Optional.empty();
        }
        Instant start = ProtoTime.instant(file.getStartTime());
        Instant end = ProtoTime.instant(file.getEndTime());
        Duration duration =
                file.hasDuration()
                        ? Duration.ofSeconds(
                                file.getDuration().getSeconds(), file.getDuration().getNanos())
                        : Duration.between(start, end);
        return Optional.of(
                new RecorderEvents.ReportedFile(
                        file.getFileSequence(),
                        format,
                        start,
                        end,
                        duration,
                        file.getSizeBytes(),
                        file.getStorageUrl()));
    }
}
