package dev.rtcsuite.admin.command;

import com.google.protobuf.FieldMask;
import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.HumanFormat;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.GetRecordingConfigRequest;
import dev.rtcsuite.recording.v1.GetRecordingConfigResponse;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** An app's recording configuration in recording-service. */
@Command(
        name = "recording-config",
        description = "Show or change an app's cloud recording configuration (recording-service).",
        subcommands = {RecordingConfigCommands.Get.class, RecordingConfigCommands.Set.class})
public class RecordingConfigCommands {

    @Command(name = "get", description = "Show the configuration (the defaults if never set).")
    public static class Get extends AdminCommand {

        @Option(names = "--app", required = true, paramLabel = "SDK_APP_ID")
        long sdkAppId;

        @Override
        protected void execute() {
            GetRecordingConfigResponse response =
                    call(
                            Service.RECORDING,
                            RecordingServiceGrpc::newBlockingStub,
                            recording ->
                                    recording.getRecordingConfig(
                                            GetRecordingConfigRequest.newBuilder()
                                                    .setSdkAppId(sdkAppId)
                                                    .build()));
            output().result(response, () -> HumanFormat.format(response.getConfig()));
        }
    }

    @Command(
            name = "set",
            description =
                    "Change the fields given (only those: they make the update mask). Applies to"
                            + " tasks created afterwards.")
    public static class Set extends MutatingCommand {

        @Option(names = "--app", required = true, paramLabel = "SDK_APP_ID")
        long sdkAppId;

        @Option(names = "--enabled", arity = "1", paramLabel = "true|false")
        Boolean enabled;

        @Option(names = "--mode", paramLabel = "GLOBAL_AUTO|SPECIFIED_USERS")
        RecordingMode mode;

        @Option(
                names = "--formats",
                split = ",",
                paramLabel = "HLS,MP4,FLV,AAC",
                description = "one file (and one charge) per format")
        List<FileFormat> formats;

        @Option(names = "--max-file-minutes", paramLabel = "5-120")
        Integer maxFileMinutes;

        @Option(names = "--retention-days", paramLabel = "0-1800", description = "0 = forever")
        Integer retentionDays;

        @Option(names = "--resume-seconds", paramLabel = "0-300", description = "HLS only")
        Integer resumeSeconds;

        @Option(names = "--storage-sub-app", paramLabel = "NAME")
        String storageSubApp;

        @Option(names = "--callback-url", paramLabel = "URL", description = "empty = none")
        String callbackUrl;

        @Option(
                names = "--callback-key",
                paramLabel = "KEY",
                description = "HMAC-SHA256 signing key, 16–128 characters; empty clears it")
        String callbackKey;

        @Override
        protected void execute() {
            RecordingConfig.Builder config = RecordingConfig.newBuilder().setSdkAppId(sdkAppId);
            FieldMask.Builder mask = FieldMask.newBuilder();
            if (enabled != null) {
                config.setEnabled(enabled);
                mask.addPaths("enabled");
            }
            if (mode != null) {
                config.setMode(mode);
                mask.addPaths("mode");
            }
            if (formats != null) {
                config.addAllFormats(formats);
                mask.addPaths("formats");
            }
            if (maxFileMinutes != null) {
                config.setMaxFileDurationMinutes(maxFileMinutes);
                mask.addPaths("max_file_duration_minutes");
            }
            if (retentionDays != null) {
                config.setRetentionDays(retentionDays);
                mask.addPaths("retention_days");
            }
            if (resumeSeconds != null) {
                config.setResumeTimeoutSeconds(resumeSeconds);
                mask.addPaths("resume_timeout_seconds");
            }
            if (storageSubApp != null) {
                config.setStorageSubApp(storageSubApp);
                mask.addPaths("storage_sub_app");
            }
            if (callbackUrl != null) {
                config.setCallbackUrl(callbackUrl);
                mask.addPaths("callback_url");
            }
            UpdateRecordingConfigRequest.Builder request =
                    UpdateRecordingConfigRequest.newBuilder().setRequestId(requestId());
            if (callbackKey != null) {
                request.setCallbackSigningKey(callbackKey);
                mask.addPaths("callback_signing_key");
            }
            if (mask.getPathsCount() == 0) {
                throw usage("nothing to change: give at least one of the field options");
            }
            UpdateRecordingConfigResponse response =
                    call(
                            Service.RECORDING,
                            RecordingServiceGrpc::newBlockingStub,
                            recording ->
                                    recording.updateRecordingConfig(
                                            request.setConfig(config).setUpdateMask(mask).build()));
            output().result(response, () -> HumanFormat.format(response.getConfig()));
        }
    }
}
