package dev.rtcsuite.recording.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.client.AppDirectory.AppStanding;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.GetRecordingConfigRequest;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC C-1 defaults, resolved against package-service's app registry (mocked here). */
@QuarkusTest
class RecordingConfigGrpcTest {

    private static final long KNOWN_APP = 1_400_000_042L;

    @GrpcClient RecordingServiceBlockingStub recording;

    @InjectMock AppDirectory apps;

    @Test
    void knownAppHasRecordingOffUntilEnabled() {
        when(apps.find(KNOWN_APP))
                .thenReturn(
                        Optional.of(
                                new AppStanding(
                                        KNOWN_APP,
                                        "account-1",
                                        true,
                                        "NONE",
                                        java.time.ZoneId.of("Asia/Shanghai"))));

        RecordingConfig config = config(KNOWN_APP);

        assertThat(config.getSdkAppId()).isEqualTo(KNOWN_APP);
        assertThat(config.getEnabled()).isFalse();
        assertThat(config.getMode()).isEqualTo(RecordingMode.RECORDING_MODE_GLOBAL_AUTO);
        assertThat(config.getFormatsList()).containsExactly(FileFormat.FILE_FORMAT_HLS);
        assertThat(config.getMaxFileDurationMinutes()).isEqualTo(120);
        assertThat(config.getRetentionDays()).isZero();
        assertThat(config.getCallbackKeySet()).isFalse();
        assertThat(config.hasUpdateTime()).isFalse();
    }

    @Test
    void unknownAppIsNotFound() {
        when(apps.find(7L)).thenReturn(Optional.empty());

        RpcError error = RpcError.of(() -> config(7L));

        assertThat(error.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(error.reason()).isEqualTo("APP_NOT_FOUND");
        assertThat(error.domain()).isEqualTo("recording.rtcsuite.dev");
    }

    @Test
    void missingSdkAppIdIsInvalid() {
        RpcError error = RpcError.of(() -> config(0L));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violatedFields()).containsExactly("sdk_app_id");
    }

    private RecordingConfig config(long sdkAppId) {
        return recording
                .getRecordingConfig(
                        GetRecordingConfigRequest.newBuilder().setSdkAppId(sdkAppId).build())
                .getConfig();
    }
}
