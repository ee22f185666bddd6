package dev.rtcsuite.recording.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.platform.testing.PackagedServiceResource;
import dev.rtcsuite.platform.testing.PackagedServiceSmokeChecks;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.recording.v1.GetRecordingConfigRequest;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged recording-service (JVM jar, or native with -Pnative): smoke checks and one RPC that
 * needs no other service (package-service is not running here).
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class RecordingServiceSmokeIT extends PackagedServiceSmokeChecks {

    @Override
    protected String v1Service() {
        return "rtcsuite.recording.v1.RecordingService";
    }

    @Test
    void aConfigRequestWithoutAnAppIsRefusedByName() {
        RpcError error =
                RpcError.of(
                        () ->
                                RecordingServiceGrpc.newBlockingStub(admin)
                                        .getRecordingConfig(
                                                GetRecordingConfigRequest.getDefaultInstance()));

        assertThat(error.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(error.violations()).containsKey("sdk_app_id");
    }
}
