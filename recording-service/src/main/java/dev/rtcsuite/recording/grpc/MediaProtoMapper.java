package dev.rtcsuite.recording.grpc;

import com.google.protobuf.Duration;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.recording.domain.files.MediaFile;
import dev.rtcsuite.recording.v1.MediaFileState;

/** Domain → proto for the media index. Mapping only, no rules. */
final class MediaProtoMapper {

    private MediaProtoMapper() {}

    static dev.rtcsuite.recording.v1.MediaFile file(MediaFile file) {
        var proto =
                dev.rtcsuite.recording.v1.MediaFile.newBuilder()
                        .setFileId(file.fileId())
                        .setName(file.name())
                        .setSdkAppId(file.sdkAppId())
                        .setUserId(file.userId())
                        .setStreamId(file.streamId())
                        .setUserDefineRecordId(file.userDefineRecordId())
                        .setRecordId(file.recordId())
                        .setTaskId(file.taskId())
                        .setFormat(RecordingProtoMapper.toProto(file.format()))
                        .setStartTime(ProtoTime.timestamp(file.startTime()))
                        .setEndTime(ProtoTime.timestamp(file.endTime()))
                        .setDuration(
                                Duration.newBuilder()
                                        .setSeconds(file.duration().getSeconds())
                                        .setNanos(file.duration().getNano()))
                        .setSizeBytes(file.sizeBytes())
                        .setPlaybackUrl(file.storageUrl())
                        .setStorageSubApp(file.storageSubApp())
                        .setState(MediaFileState.valueOf("MEDIA_FILE_STATE_" + file.state().name()))
                        .setCreateTime(ProtoTime.timestamp(file.createTime()));
        if (file.recordId().isEmpty()) {
            proto.setStreamType(TaskProtoMapper.streamType(file.streamType()));
        }
        TaskProtoMapper.setRoom(file.room(), proto::setRoomId, proto::setStrRoomId);
        file.expireTime().ifPresent(t -> proto.setExpireTime(ProtoTime.timestamp(t)));
        return proto.build();
    }
}
