package dev.rtcsuite.rating.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.type.Money;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.common.v1.VideoCodec;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.rating.client.AccountDirectory;
import dev.rtcsuite.rating.v1.CreatePriceBookRequest;
import dev.rtcsuite.rating.v1.EstimateCostRequest;
import dev.rtcsuite.rating.v1.EstimateCostResponse;
import dev.rtcsuite.rating.v1.EstimateUser;
import dev.rtcsuite.rating.v1.GetContractPriceBookRequest;
import dev.rtcsuite.rating.v1.GetPriceBookRequest;
import dev.rtcsuite.rating.v1.ListPriceBooksRequest;
import dev.rtcsuite.rating.v1.MixOption;
import dev.rtcsuite.rating.v1.PriceBook;
import dev.rtcsuite.rating.v1.PriceBookItem;
import dev.rtcsuite.rating.v1.PriceBookKind;
import dev.rtcsuite.rating.v1.RatingServiceGrpc.RatingServiceBlockingStub;
import dev.rtcsuite.rating.v1.SetContractPriceBookRequest;
import dev.rtcsuite.rating.v1.TierPrice;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC R-1 price books through gRPC, and R-5 (c): a contract price of 0.0325 per HD minute. */
@QuarkusTest
class PriceBooksGrpcTest {

    @GrpcClient RatingServiceBlockingStub rating;

    @InjectMock AccountDirectory accounts;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theListPricesOfSpecR1AreThere() {
        PriceBook list =
                rating.getPriceBook(
                                GetPriceBookRequest.newBuilder().setVersion("list-spec-r1").build())
                        .getPriceBook();

        assertThat(list.getKind()).isEqualTo(PriceBookKind.PRICE_BOOK_KIND_LIST);
        PriceBookItem base =
                list.getItemsList().stream()
                        .filter(i -> i.getItem() == BillableItem.BILLABLE_ITEM_BASE_SERVICE)
                        .findFirst()
                        .orElseThrow();
        assertThat(base.getTierPricesList())
                .filteredOn(t -> t.getTier() == ResolutionTier.RESOLUTION_TIER_HD)
                .extracting(TierPrice::getPricePerThousandMinutes)
                .containsExactly(Money.newBuilder().setCurrencyCode("CNY").setUnits(28).build());
        assertThat(
                        list.getItemsList().stream()
                                .filter(
                                        i ->
                                                i.getItem()
                                                        == BillableItem
                                                                .BILLABLE_ITEM_IN_CLASS_RECORDING)
                                .map(PriceBookItem::getUnitPrice))
                .containsExactly(Money.newBuilder().setCurrencyCode("USD").setUnits(7).build());
        assertThat(
                        rating.listPriceBooks(
                                        ListPriceBooksRequest.newBuilder()
                                                .setKind(PriceBookKind.PRICE_BOOK_KIND_LIST)
                                                .build())
                                .getPriceBooksList())
                .extracting(PriceBook::getVersion)
                .contains("list-spec-r1");
    }

    @Test
    void aContractPriceOf0Point0325PerHdMinuteMakes60Minutes1Point95() {
        String account = UUID.randomUUID().toString();
        String version = "promo-hd-" + suffix;
        rating.createPriceBook(
                CreatePriceBookRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setPriceBook(
                                PriceBook.newBuilder()
                                        .setVersion(version)
                                        .setKind(PriceBookKind.PRICE_BOOK_KIND_CONTRACT)
                                        .addItems(
                                                PriceBookItem.newBuilder()
                                                        .setItem(
                                                                BillableItem
                                                                        .BILLABLE_ITEM_MIX_TRANSCODE_H264)
                                                        .addTierPrices(
                                                                TierPrice.newBuilder()
                                                                        .setTier(
                                                                                ResolutionTier
                                                                                        .RESOLUTION_TIER_HD)
                                                                        .setPricePerThousandMinutes(
                                                                                cny(
                                                                                        32,
                                                                                        500_000_000)))))
                        .build());
        rating.setContractPriceBook(
                SetContractPriceBookRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account)
                        .setPriceBookVersion(version)
                        .build());

        EstimateCostResponse estimate =
                rating.estimateCost(
                        EstimateCostRequest.newBuilder()
                                .setMinutes(60)
                                .setAccountId(account)
                                .addUsers(
                                        EstimateUser.newBuilder()
                                                .setUserId("anchor")
                                                .setSendsAudio(true)
                                                .setCameraWidth(1280)
                                                .setCameraHeight(720))
                                .setMixing(
                                        MixOption.newBuilder()
                                                .setOutputCodec(VideoCodec.VIDEO_CODEC_H264)
                                                .setOutputWidth(1280)
                                                .setOutputHeight(720))
                                .build());

        assertThat(
                        estimate.getLinesList().stream()
                                .filter(
                                        l ->
                                                l.getItem()
                                                        == BillableItem
                                                                .BILLABLE_ITEM_MIX_TRANSCODE_H264)
                                .map(l -> l.getAmount()))
                .containsExactly(cny(1, 950_000_000));
        assertThat(
                        rating.getContractPriceBook(
                                        GetContractPriceBookRequest.newBuilder()
                                                .setAccountId(account)
                                                .build())
                                .getAssignmentsList())
                .extracting(a -> a.getPriceBookVersion())
                .containsExactly(version);
    }

    @Test
    void booksNeverChangeAndListBooksStartInTheFuture() {
        RpcError past =
                RpcError.of(
                        () ->
                                rating.createPriceBook(
                                        CreatePriceBookRequest.newBuilder()
                                                .setRequestId(UUID.randomUUID().toString())
                                                .setPriceBook(
                                                        PriceBook.newBuilder()
                                                                .setVersion("list-past-" + suffix)
                                                                .setKind(
                                                                        PriceBookKind
                                                                                .PRICE_BOOK_KIND_LIST)
                                                                .setEffectiveTime(
                                                                        ProtoTime.timestamp(
                                                                                Instant.now()
                                                                                        .minus(
                                                                                                1,
                                                                                                ChronoUnit
                                                                                                        .DAYS))))
                                                .build()));
        RpcError taken =
                RpcError.of(
                        () ->
                                rating.createPriceBook(
                                        CreatePriceBookRequest.newBuilder()
                                                .setRequestId(UUID.randomUUID().toString())
                                                .setPriceBook(
                                                        PriceBook.newBuilder()
                                                                .setVersion("list-spec-r1")
                                                                .setKind(
                                                                        PriceBookKind
                                                                                .PRICE_BOOK_KIND_CONTRACT))
                                                .build()));

        assertThat(past.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(past.violatedFields()).containsExactly("price_book.effective_time");
        assertThat(taken.code()).isEqualTo(Code.ALREADY_EXISTS);
        assertThat(taken.reason()).isEqualTo("PRICE_BOOK_ALREADY_EXISTS");
    }

    @Test
    void onlyContractBooksAreAssigned() {
        RpcError error =
                RpcError.of(
                        () ->
                                rating.setContractPriceBook(
                                        SetContractPriceBookRequest.newBuilder()
                                                .setRequestId(UUID.randomUUID().toString())
                                                .setAccountId(UUID.randomUUID().toString())
                                                .setPriceBookVersion("list-spec-r1")
                                                .build()));

        assertThat(error.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(error.reason()).isEqualTo("PRICE_BOOK_KIND_MISMATCH");
    }

    private static Money cny(long units, int nanos) {
        return Money.newBuilder().setCurrencyCode("CNY").setUnits(units).setNanos(nanos).build();
    }
}
