package dev.rtcsuite.recording.grpc;

import static dev.rtcsuite.recording.testing.Recording.newApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.GetRecordingConfigRequest;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC C-1 over the API: masked updates, every range named, nothing written on error.
 */
@QuarkusTest
class ConfigUpdateTest {

    @GrpcClient RecordingServiceBlockingStub stub;
    @InjectMock AppDirectory apps;

    private final long app = newApp();

    @BeforeEach
    void inService() {
        Standing.everyAppInService(apps);
    }

    private UpdateRecordingConfigRequest.Builder update(
            RecordingConfig.Builder config, String... paths) {
        return UpdateRecordingConfigRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setConfig(config.setSdkAppId(app))
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)));
    }

    private RecordingConfig read() {
        return stub.getRecordingConfig(
                        GetRecordingConfigRequest.newBuilder().setSdkAppId(app).build())
                .getConfig();
    }

    @Test
    void writesOnlyTheMaskedFieldsAndReadsThemBack() {
        RecordingConfig written =
                stub.updateRecordingConfig(
                                update(
                                                RecordingConfig.newBuilder()
                                                        .setEnabled(true)
                                                        .setMode(
                                                                RecordingMode
                                                                        .RECORDING_MODE_SPECIFIED_USERS)
                                                        .addFormats(FileFormat.FILE_FORMAT_MP4)
                                                        .addFormats(FileFormat.FILE_FORMAT_AAC)
                                                        .setMaxFileDurationMinutes(30)
                                                        .setRetentionDays(7)
                                                        .setStorageSubApp("school-a"),
                                                "enabled",
                                                "mode",
                                                "formats",
                                                "max_file_duration_minutes",
                                                "storage_sub_app")
                                        .setCallbackSigningKey("0123456789abcdef")
                                        .setUpdateMask(
                                                FieldMask.newBuilder()
                                                        .addAllPaths(
                                                                List.of(
                                                                        "enabled",
                                                                        "mode",
                                                                        "formats",
                                                                        "max_file_duration_minutes",
                                                                        "storage_sub_app",
                                                                        "callback_signing_key")))
                                        .build())
                        .getConfig();

        assertThat(read()).isEqualTo(written);
        assertThat(written.getEnabled()).isTrue();
        assertThat(written.getFormatsList())
                .containsExactly(FileFormat.FILE_FORMAT_MP4, FileFormat.FILE_FORMAT_AAC);
        assertThat(written.getRetentionDays()).as("not in the mask").isZero();
        assertThat(written.getCallbackKeySet()).isTrue();
        assertThat(written.hasUpdateTime()).isTrue();
    }

    @Test
    void everyBadFieldIsNamedWithItsRangeAndNothingIsWritten() {
        RpcError error =
                RpcError.of(
                        () ->
                                stub.updateRecordingConfig(
                                        update(
                                                        RecordingConfig.newBuilder()
                                                                .setEnabled(true)
                                                                .setMaxFileDurationMinutes(121)
                                                                .setRetentionDays(1_801)
                                                                .setResumeTimeoutSeconds(301),
                                                        "enabled",
                                                        "max_file_duration_minutes",
                                                        "retention_days",
                                                        "resume_timeout_seconds")
                                                .build()));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violatedFields())
                .containsExactlyInAnyOrder(
                        "config.max_file_duration_minutes",
                        "config.retention_days",
                        "config.resume_timeout_seconds");
        assertThat(read().getEnabled()).isFalse();
        assertThat(read().hasUpdateTime()).isFalse();
    }

    @Test
    void outputOnlyAndUnknownPathsAreRefused() {
        RpcError error =
                RpcError.of(
                        () ->
                                stub.updateRecordingConfig(
                                        update(RecordingConfig.newBuilder(), "callback_key_set")
                                                .build()));
        assertThat(error.violatedFields()).containsExactly("update_mask");
        RpcError empty =
                RpcError.of(
                        () ->
                                stub.updateRecordingConfig(
                                        update(RecordingConfig.newBuilder()).build()));
        assertThat(empty.violatedFields()).containsExactly("update_mask");
    }

    @Test
    void aCallbackUrlOnAPrivateAddressIsRefused() {
        RpcError error =
                RpcError.of(
                        () ->
                                stub.updateRecordingConfig(
                                        update(
                                                        RecordingConfig.newBuilder()
                                                                .setCallbackUrl(
                                                                        "http://10.1.2.3/hook"),
                                                        "callback_url")
                                                .build()));
        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.reason()).isEqualTo("CALLBACK_URL_NOT_ALLOWED");
        assertThat(error.violatedFields()).containsExactly("config.callback_url");
        assertThat(read().getCallbackUrl()).isEmpty();
    }

    @Test
    void aRetryWithTheSameRequestIdAnswersTheFirstAnswer() {
        UpdateRecordingConfigRequest request =
                update(RecordingConfig.newBuilder().setEnabled(true), "enabled").build();
        RecordingConfig first = stub.updateRecordingConfig(request).getConfig();
        RecordingConfig again = stub.updateRecordingConfig(request).getConfig();
        assertThat(again).isEqualTo(first);
    }
}
