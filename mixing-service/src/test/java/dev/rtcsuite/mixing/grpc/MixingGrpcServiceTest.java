package dev.rtcsuite.mixing.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.mixing.v1.MixingServiceGrpc.MixingServiceBlockingStub;
import dev.rtcsuite.mixing.v1.PreviewLayoutRequest;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The v1 contract is served; RPCs not yet implemented say which issue brings them. */
@QuarkusTest
class MixingGrpcServiceTest {

    @GrpcClient MixingServiceBlockingStub mixing;

    @Test
    void previewLayoutAnswersUnimplementedNamingIssue6() {
        RpcError error =
                RpcError.of(() -> mixing.previewLayout(PreviewLayoutRequest.getDefaultInstance()));

        assertThat(error.code()).isEqualTo(Code.UNIMPLEMENTED);
        assertThat(error.message()).contains("PreviewLayout").contains("issue #6");
    }
}
