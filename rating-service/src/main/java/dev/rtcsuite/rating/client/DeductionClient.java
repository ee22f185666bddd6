package dev.rtcsuite.rating.client;

import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.v1.DeductUsageRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Hands one interval's base-service minutes to package-service's DeductUsage (SPEC P-4). */
@ApplicationScoped
public class DeductionClient {

    /** One interval's minutes of one tier, as package-service deducts them. */
    public record IntervalDeduction(
            UUID requestId,
            long sdkAppId,
            LocalDate billingDay,
            String tier,
            int intervalIndex,
            long usageMinutes,
            BigDecimal unitPrice,
            Currency currency,
            String priceBookVersion) {}

    private final PackagesServiceBlockingStub packages;

    public DeductionClient(@GrpcClient("packages") PackagesServiceBlockingStub packages) {
        this.packages = packages;
    }

    /** Empty when package-service acknowledged it; else why not, to retry later. */
    public Optional<String> deliver(IntervalDeduction deduction) {
        try {
            packages.withDeadlineAfter(3, TimeUnit.SECONDS)
                    .deductUsage(
                            DeductUsageRequest.newBuilder()
                                    .setRequestId(deduction.requestId().toString())
                                    .setSdkAppId(deduction.sdkAppId())
                                    .setBillingDay(ProtoTime.date(deduction.billingDay()))
                                    .setItem(BillableItem.BILLABLE_ITEM_BASE_SERVICE)
                                    .setTier(
                                            ResolutionTier.valueOf(
                                                    "RESOLUTION_TIER_" + deduction.tier()))
                                    .setIntervalIndex(deduction.intervalIndex())
                                    .setUsageMinutes(deduction.usageMinutes())
                                    .setUnitPrice(
                                            ProtoMoney.money(
                                                    deduction.unitPrice(), deduction.currency()))
                                    .setPriceBookVersion(deduction.priceBookVersion())
                                    .build());
            return Optional.empty();
        } catch (StatusRuntimeException e) {
            return Optional.of(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
        }
    }
}
