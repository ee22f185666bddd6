package dev.rtcsuite.recording.grpc;

import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.recording.application.RecordingConfigs;
import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.RecordingConfig;
import dev.rtcsuite.recording.domain.RecordingMode;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** UpdateRecordingConfig's field mask → a change of the stored configuration (AIP-134). */
final class ConfigUpdates {

    private static final Set<String> PATHS =
            Set.of(
                    "enabled",
                    "mode",
                    "formats",
                    "max_file_duration_minutes",
                    "retention_days",
                    "resume_timeout_seconds",
                    "storage_sub_app",
                    "callback_url",
                    "callback_signing_key");

    private ConfigUpdates() {}

    static RecordingConfigs.Change change(UpdateRecordingConfigRequest request) {
        FieldChecks checks = new FieldChecks();
        RecordingRequests.app(request.getConfig().getSdkAppId(), "config.sdk_app_id", checks);
        List<String> paths = request.getUpdateMask().getPathsList();
        checks.check(
                !paths.isEmpty(), "update_mask", "required: the fields to write, e.g. enabled");
        for (String path : paths) {
            checks.check(
                    PATHS.contains(path),
                    "update_mask",
                    "unknown or output-only path '"
                            + path
                            + "'; allowed: "
                            + String.join(", ", PATHS.stream().sorted().toList()));
        }
        var proto = request.getConfig();
        List<FileFormat> formats = new ArrayList<>();
        for (var format : proto.getFormatsList()) {
            FileFormat domain = RecordingRequests.format(format);
            checks.check(
                    domain != null,
                    "config.formats",
                    "a non-empty set of HLS, MP4, FLV, AAC without duplicates");
            formats.add(domain);
        }
        RecordingMode mode =
                switch (proto.getMode()) {
                    case RECORDING_MODE_GLOBAL_AUTO -> RecordingMode.GLOBAL_AUTO;
                    case RECORDING_MODE_SPECIFIED_USERS -> RecordingMode.SPECIFIED_USERS;
                    default -> null;
                };
        if (paths.contains("mode")) {
            checks.check(mode != null, "config.mode", "required: GLOBAL_AUTO or SPECIFIED_USERS");
        }
        checks.throwIfInvalid();
        UnaryOperator<RecordingConfig> fields =
                c ->
                        new RecordingConfig(
                                c.sdkAppId(),
                                paths.contains("enabled") ? proto.getEnabled() : c.enabled(),
                                paths.contains("mode") ? mode : c.mode(),
                                paths.contains("formats") ? List.copyOf(formats) : c.formats(),
                                paths.contains("max_file_duration_minutes")
                                        ? proto.getMaxFileDurationMinutes()
                                        : c.maxFileDurationMinutes(),
                                paths.contains("retention_days")
                                        ? proto.getRetentionDays()
                                        : c.retentionDays(),
                                paths.contains("resume_timeout_seconds")
                                        ? proto.getResumeTimeoutSeconds()
                                        : c.resumeTimeoutSeconds(),
                                paths.contains("storage_sub_app")
                                        ? proto.getStorageSubApp()
                                        : c.storageSubApp(),
                                paths.contains("callback_url")
                                        ? proto.getCallbackUrl()
                                        : c.callbackUrl(),
                                c.callbackKeySet(),
                                c.updatedTime());
        return new RecordingConfigs.Change(
                fields,
                paths.contains("callback_signing_key")
                        ? Optional.of(request.getCallbackSigningKey())
                        : Optional.empty());
    }
}
