package dev.rtcsuite.rating.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.RatingServiceGrpc.RatingServiceBlockingStub;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The v1 contract is served; RPCs not yet implemented say which issue brings them. */
@QuarkusTest
class RatingGrpcServiceTest {

    @GrpcClient RatingServiceBlockingStub rating;

    @Test
    void ingestUsageAnswersUnimplementedNamingIssue3() {
        RpcError error =
                RpcError.of(() -> rating.ingestUsage(IngestUsageRequest.getDefaultInstance()));

        assertThat(error.code()).isEqualTo(Code.UNIMPLEMENTED);
        assertThat(error.message())
                .isEqualTo(
                        "rtcsuite.rating.v1.RatingService/IngestUsage is not implemented yet: it"
                                + " arrives with issue #3 (rating-service: the rating engine).");
    }
}
