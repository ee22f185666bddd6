package dev.rtcsuite.recording.grpc;

import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import dev.rtcsuite.recording.domain.room.RoomState;
import dev.rtcsuite.recording.domain.room.RoomStream;
import dev.rtcsuite.recording.domain.task.EndReason;
import dev.rtcsuite.recording.domain.task.RecordingInput;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskKind;
import dev.rtcsuite.recording.domain.task.TaskState;
import dev.rtcsuite.recording.domain.task.TaskTrigger;
import dev.rtcsuite.recording.v1.RecordingTaskEndReason;
import dev.rtcsuite.recording.v1.RecordingTaskKind;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import dev.rtcsuite.recording.v1.RecordingTaskTrigger;
import dev.rtcsuite.recording.v1.RoomStreams;
import java.util.List;

/** Domain → proto for tasks and rooms. Mapping only, no rules. */
final class TaskProtoMapper {

    private TaskProtoMapper() {}

    static dev.rtcsuite.recording.v1.RecordingTask task(RecordingTask task, List<String> fileIds) {
        var spec = task.spec();
        var proto =
                dev.rtcsuite.recording.v1.RecordingTask.newBuilder()
                        .setTaskId(task.id())
                        .setSdkAppId(spec.sdkAppId())
                        .setKind(kind(spec.kind()))
                        .setTrigger(trigger(spec.trigger()))
                        .setState(state(task.state()))
                        .setFailureMessage(task.failureMessage())
                        .setUserId(spec.userId())
                        .setRecordId(spec.recordId())
                        .setMixSessionId(spec.mixSessionId())
                        .setUserDefineRecordId(spec.userDefineRecordId())
                        .setStreamId(spec.effectiveStreamId())
                        .addAllFormats(
                                spec.formats().stream().map(RecordingProtoMapper::toProto).toList())
                        .setAudioOnly(spec.audioOnly())
                        .setMaxFileDurationMinutes(spec.maxFileDurationMinutes())
                        .setResumeTimeoutSeconds(spec.resumeTimeoutSeconds())
                        .addAllInputs(task.inputs().stream().map(TaskProtoMapper::input).toList())
                        .setFileSequence(task.fileSequence())
                        .setCreateTime(ProtoTime.timestamp(spec.createTime()))
                        .addAllFileIds(fileIds)
                        .setUpdateTime(ProtoTime.timestamp(task.updateTime()));
        if (spec.kind() == TaskKind.SINGLE_STREAM) {
            proto.setStreamType(streamType(spec.streamType()));
        }
        setRoom(spec.room(), proto::setRoomId, proto::setStrRoomId);
        task.endReason()
                .filter(r -> task.state().ended())
                .ifPresent(r -> proto.setEndReason(endReason(r)));
        task.startTime().ifPresent(t -> proto.setStartTime(ProtoTime.timestamp(t)));
        task.interruptTime().ifPresent(t -> proto.setInterruptTime(ProtoTime.timestamp(t)));
        task.resumeDeadline().ifPresent(t -> proto.setResumeDeadlineTime(ProtoTime.timestamp(t)));
        task.stopTime().ifPresent(t -> proto.setStopTime(ProtoTime.timestamp(t)));
        task.endTime().ifPresent(t -> proto.setEndTime(ProtoTime.timestamp(t)));
        return proto.build();
    }

    static RoomStreams room(RoomState state) {
        var proto =
                RoomStreams.newBuilder()
                        .setSdkAppId(state.sdkAppId())
                        .setClientMixActive(state.clientMixActive())
                        .setDismissed(state.dismissed())
                        .setVersion(state.version())
                        .setUpdateTime(ProtoTime.timestamp(state.updateTime()));
        setRoom(state.room(), proto::setRoomId, proto::setStrRoomId);
        state.streams().forEach(s -> proto.addStreams(stream(s)));
        return proto.build();
    }

    private static dev.rtcsuite.recording.v1.RoomStream stream(RoomStream s) {
        return dev.rtcsuite.recording.v1.RoomStream.newBuilder()
                .setUserId(s.userId())
                .setStreamType(streamType(s.streamType()))
                .setStreamId(s.streamId())
                .setUserDefineRecordId(s.userDefineRecordId())
                .setHasAudio(s.hasAudio())
                .setHasVideo(s.hasVideo())
                .setWidth(s.width())
                .setHeight(s.height())
                .setUserEnterTime(ProtoTime.timestamp(s.userEnterTime()))
                .setPublishTime(ProtoTime.timestamp(s.publishTime()))
                .build();
    }

    static void setRoom(
            Room room,
            java.util.function.IntConsumer numeric,
            java.util.function.Consumer<String> text) {
        if (room.isNumeric()) {
            numeric.accept((int) room.numericId());
        } else {
            text.accept(room.stringId());
        }
    }

    static dev.rtcsuite.common.v1.StreamType streamType(StreamType type) {
        return type == StreamType.AUX
                ? dev.rtcsuite.common.v1.StreamType.STREAM_TYPE_AUX
                : dev.rtcsuite.common.v1.StreamType.STREAM_TYPE_MAIN;
    }

    private static dev.rtcsuite.recording.v1.RecordingInput input(RecordingInput input) {
        return dev.rtcsuite.recording.v1.RecordingInput.newBuilder()
                .setUserId(input.userId())
                .setStreamType(streamType(input.streamType()))
                .setVideoMixed(input.videoMixed())
                .build();
    }

    static RecordingTaskState state(TaskState state) {
        return RecordingTaskState.valueOf("RECORDING_TASK_STATE_" + state.name());
    }

    static TaskState state(RecordingTaskState state) {
        return state == RecordingTaskState.RECORDING_TASK_STATE_UNSPECIFIED
                        || state == RecordingTaskState.UNRECOGNIZED
                ? null
                : TaskState.valueOf(state.name().substring("RECORDING_TASK_STATE_".length()));
    }

    static RecordingTaskKind kind(TaskKind kind) {
        return RecordingTaskKind.valueOf("RECORDING_TASK_KIND_" + kind.name());
    }

    static TaskKind kind(RecordingTaskKind kind) {
        return kind == RecordingTaskKind.RECORDING_TASK_KIND_UNSPECIFIED
                        || kind == RecordingTaskKind.UNRECOGNIZED
                ? null
                : TaskKind.valueOf(kind.name().substring("RECORDING_TASK_KIND_".length()));
    }

    private static RecordingTaskTrigger trigger(TaskTrigger trigger) {
        return RecordingTaskTrigger.valueOf("RECORDING_TASK_TRIGGER_" + trigger.name());
    }

    static RecordingTaskEndReason endReason(EndReason reason) {
        return RecordingTaskEndReason.valueOf("RECORDING_TASK_END_REASON_" + reason.name());
    }
}
