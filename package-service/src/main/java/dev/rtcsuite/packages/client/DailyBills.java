package dev.rtcsuite.packages.client;

import dev.rtcsuite.packages.config.PackagesConfig;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.settlement.ChargeLine;
import dev.rtcsuite.packages.domain.usage.BillableItem;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.rating.v1.BillLine;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.RatingServiceGrpc.RatingServiceBlockingStub;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The value-added charges of one app's billing day, from rating-service's daily bill (SPEC P-5):
 * every line but base service, whose postpaid part is the overflow of our own deductions.
 */
@ApplicationScoped
public class DailyBills {

    private final RatingServiceBlockingStub rating;
    private final PackagesConfig config;

    public DailyBills(
            @GrpcClient("rating") RatingServiceBlockingStub rating, PackagesConfig config) {
        this.rating = rating;
        this.config = config;
    }

    /** UNAVAILABLE when rating-service does not answer: the settlement is retried later. */
    public List<ChargeLine> valueAddedCharges(long sdkAppId, LocalDate billingDay) {
        try {
            return rating
                    .withDeadlineAfter(config.callDeadline().toMillis(), TimeUnit.MILLISECONDS)
                    .getDailyBill(
                            GetDailyBillRequest.newBuilder()
                                    .setSdkAppId(sdkAppId)
                                    .setBillingDay(ProtoTime.date(billingDay))
                                    .build())
                    .getBill()
                    .getLinesList()
                    .stream()
                    .filter(
                            line ->
                                    line.getItem()
                                            != dev.rtcsuite.common.v1.BillableItem
                                                    .BILLABLE_ITEM_BASE_SERVICE)
                    .map(line -> charge(sdkAppId, line))
                    .toList();
        } catch (StatusRuntimeException e) {
            throw ServiceException.unavailable(
                    "rating-service",
                    "rating-service did not return the daily bill of app "
                            + sdkAppId
                            + " for "
                            + billingDay
                            + " ("
                            + e.getStatus().getCode()
                            + "); settlement is retried.");
        }
    }

    private static ChargeLine charge(long sdkAppId, BillLine line) {
        Optional<ResolutionTier> tier =
                line.getTier() == dev.rtcsuite.common.v1.ResolutionTier.RESOLUTION_TIER_UNSPECIFIED
                        ? Optional.empty()
                        : Optional.of(
                                ResolutionTier.valueOf(
                                        line.getTier().name().replace("RESOLUTION_TIER_", "")));
        return new ChargeLine(
                sdkAppId,
                BillableItem.valueOf(line.getItem().name().replace("BILLABLE_ITEM_", "")),
                tier,
                line.getAbove4K(),
                new BigDecimal(line.getQuantity().getValue()),
                Money.of(
                        ProtoMoney.amount(line.getAmount()),
                        java.util.Currency.getInstance(line.getAmount().getCurrencyCode())));
    }
}
