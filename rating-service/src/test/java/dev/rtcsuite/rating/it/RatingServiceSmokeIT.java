package dev.rtcsuite.rating.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.platform.testing.PackagedServiceResource;
import dev.rtcsuite.platform.testing.PackagedServiceSmokeChecks;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.rating.v1.ListPriceBooksRequest;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The packaged rating-service (JVM jar, or native with -Pnative): smoke checks and one RPC. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class RatingServiceSmokeIT extends PackagedServiceSmokeChecks {

    @Override
    protected String v1Service() {
        return "rtcsuite.rating.v1.RatingService";
    }

    @Test
    void priceBooksAreListedAndABadPageSizeIsRefusedByName() {
        var rating = RatingServiceGrpc.newBlockingStub(admin);

        assertThat(
                        rating.listPriceBooks(
                                ListPriceBooksRequest.newBuilder().setPageSize(10).build()))
                .isNotNull();
        RpcError error =
                RpcError.of(
                        () ->
                                rating.listPriceBooks(
                                        ListPriceBooksRequest.newBuilder()
                                                .setPageSize(-1)
                                                .build()));
        assertThat(error.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(error.violations()).containsKey("page_size");
    }
}
