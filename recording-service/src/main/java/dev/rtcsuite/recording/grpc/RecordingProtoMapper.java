package dev.rtcsuite.recording.grpc;

import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.recording.domain.RecordingConfig;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.RecordingMode;

/** Domain → proto for recording configuration. Mapping only, no rules. */
final class RecordingProtoMapper {

    private RecordingProtoMapper() {}

    static dev.rtcsuite.recording.v1.RecordingConfig toProto(RecordingConfig config) {
        var proto =
                dev.rtcsuite.recording.v1.RecordingConfig.newBuilder()
                        .setSdkAppId(config.sdkAppId())
                        .setEnabled(config.enabled())
                        .setMode(toProto(config.mode()))
                        .addAllFormats(
                                config.formats().stream()
                                        .map(RecordingProtoMapper::toProto)
                                        .toList())
                        .setMaxFileDurationMinutes(config.maxFileDurationMinutes())
                        .setRetentionDays(config.retentionDays())
                        .setResumeTimeoutSeconds(config.resumeTimeoutSeconds())
                        .setStorageSubApp(config.storageSubApp())
                        .setCallbackUrl(config.callbackUrl())
                        .setCallbackKeySet(config.callbackKeySet());
        config.updatedTime().ifPresent(time -> proto.setUpdateTime(ProtoTime.timestamp(time)));
        return proto.build();
    }

    static RecordingMode toProto(dev.rtcsuite.recording.domain.RecordingMode mode) {
        return switch (mode) {
            case GLOBAL_AUTO -> RecordingMode.RECORDING_MODE_GLOBAL_AUTO;
            case SPECIFIED_USERS -> RecordingMode.RECORDING_MODE_SPECIFIED_USERS;
        };
    }

    static FileFormat toProto(dev.rtcsuite.recording.domain.FileFormat format) {
        return switch (format) {
            case HLS -> FileFormat.FILE_FORMAT_HLS;
            case MP4 -> FileFormat.FILE_FORMAT_MP4;
            case FLV -> FileFormat.FILE_FORMAT_FLV;
            case AAC -> FileFormat.FILE_FORMAT_AAC;
        };
    }
}
