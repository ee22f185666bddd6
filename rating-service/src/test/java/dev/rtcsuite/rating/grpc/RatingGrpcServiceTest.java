package dev.rtcsuite.rating.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.type.Money;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.common.v1.VideoCodec;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.rating.v1.EstimateCostRequest;
import dev.rtcsuite.rating.v1.EstimateCostResponse;
import dev.rtcsuite.rating.v1.EstimateLine;
import dev.rtcsuite.rating.v1.EstimateSubscription;
import dev.rtcsuite.rating.v1.EstimateUser;
import dev.rtcsuite.rating.v1.MixOption;
import dev.rtcsuite.rating.v1.RatingServiceGrpc.RatingServiceBlockingStub;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** SPEC R-8: the price calculator through gRPC, with the worked examples of. */
@QuarkusTest
class RatingGrpcServiceTest {

    @GrpcClient RatingServiceBlockingStub rating;

    @Test
    void estimateOfR3Example3IsFivePointZeroFour() {
        EstimateCostResponse estimate =
                rating.estimateCost(
                        EstimateCostRequest.newBuilder()
                                .setMinutes(30)
                                .addUsers(sender("A", 640, 360))
                                .addUsers(sender("B", 0, 0))
                                .addUsers(sender("C", 1920, 1080))
                                .build());

        assertThat(estimate.getTotalsList()).hasSize(1);
        assertThat(estimate.getTotals(0).getExactAmount()).isEqualTo(cny(5, 40_000_000));
        assertThat(estimate.getTotals(0).getRoundedAmount()).isEqualTo(cny(5, 40_000_000));
        assertThat(estimate.getPriceBookVersion()).isEqualTo("list-spec-r1");
        assertThat(
                        estimate.getLinesList().stream()
                                .filter(line -> line.getUserId().equals("A"))
                                .map(EstimateLine::getTier))
                .containsExactlyInAnyOrder(
                        ResolutionTier.RESOLUTION_TIER_AUDIO, ResolutionTier.RESOLUTION_TIER_FHD);
    }

    @Test
    void estimateOfR5ExampleBIsSixPointFiveSixForTheTranscode() {
        EstimateCostResponse estimate =
                rating.estimateCost(
                        EstimateCostRequest.newBuilder()
                                .setMinutes(100)
                                .addUsers(sender("A", 0, 0))
                                .addUsers(sender("B", 640, 360))
                                .addUsers(sender("C", 1920, 1080))
                                .setMixing(
                                        MixOption.newBuilder()
                                                .setOutputCodec(VideoCodec.VIDEO_CODEC_H264)
                                                .setOutputWidth(1280)
                                                .setOutputHeight(720))
                                .build());

        assertThat(
                        estimate.getLinesList().stream()
                                .filter(
                                        line ->
                                                line.getItem()
                                                        == BillableItem
                                                                .BILLABLE_ITEM_MIX_TRANSCODE_H264)
                                .map(
                                        line ->
                                                line.getAmount().getUnits() * 1_000_000_000L
                                                        + line.getAmount().getNanos())
                                .reduce(0L, Long::sum))
                .isEqualTo(6_560_000_000L);
    }

    @Test
    void badScenarioNamesEveryBadField() {
        RpcError error =
                RpcError.of(
                        () ->
                                rating.estimateCost(
                                        EstimateCostRequest.newBuilder()
                                                .setMinutes(0)
                                                .addUsers(
                                                        EstimateUser.newBuilder()
                                                                .setUserId("A")
                                                                .setCameraWidth(640)
                                                                .addSubscriptions(
                                                                        EstimateSubscription
                                                                                .newBuilder()
                                                                                .setSenderUserId(
                                                                                        "ghost")))
                                                .build()));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violatedFields())
                .contains(
                        "minutes",
                        "users[0].camera_height",
                        "users[0].subscriptions[0].sender_user_id",
                        "users[0].subscriptions[0].stream_type");
    }

    @Test
    void unknownPriceBookIsNotFound() {
        RpcError error =
                RpcError.of(
                        () ->
                                rating.estimateCost(
                                        EstimateCostRequest.newBuilder()
                                                .setMinutes(10)
                                                .addUsers(sender("A", 0, 0))
                                                .setPriceBookVersion("no-such-book")
                                                .build()));

        assertThat(error.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(error.reason()).isEqualTo("PRICE_BOOK_NOT_FOUND");
    }

    private static EstimateUser sender(String id, int width, int height) {
        return EstimateUser.newBuilder()
                .setUserId(id)
                .setSendsAudio(true)
                .setCameraWidth(width)
                .setCameraHeight(height)
                .setSubscribeAll(true)
                .build();
    }

    private static Money cny(long units, int nanos) {
        return Money.newBuilder().setCurrencyCode("CNY").setUnits(units).setNanos(nanos).build();
    }
}
