package dev.rtcsuite.rating.client;

import com.google.rpc.Code;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.v1.BatchDeductUsageRequest;
import dev.rtcsuite.packages.v1.BatchDeductUsageResponse;
import dev.rtcsuite.packages.v1.DeductUsageRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Hands intervals' base-service minutes to package-service's BatchDeductUsage (SPEC P-4). */
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

    /**
     * Hands the intervals over in one BatchDeductUsage call; per interval, in order, empty when
     * package-service acknowledged it (deducted now or before), else why not, to retry later.
     */
    public List<Optional<String>> deliverAll(List<IntervalDeduction> deductions) {
        BatchDeductUsageResponse response;
        try {
            response =
                    packages.withDeadlineAfter(10, TimeUnit.SECONDS)
                            .batchDeductUsage(
                                    BatchDeductUsageRequest.newBuilder()
                                            .addAllRequests(
                                                    deductions.stream()
                                                            .map(DeductionClient::request)
                                                            .toList())
                                            .build());
        } catch (StatusRuntimeException e) {
            Optional<String> failure =
                    Optional.of(e.getStatus().getCode() + ": " + e.getStatus().getDescription());
            return Collections.nCopies(deductions.size(), failure);
        }
        return response.getOutcomesList().stream()
                .map(
                        outcome ->
                                outcome.hasError()
                                        ? Optional.of(
                                                Code.forNumber(outcome.getError().getCode())
                                                        + ": "
                                                        + outcome.getError().getMessage())
                                        : Optional.<String>empty())
                .toList();
    }

    private static DeductUsageRequest request(IntervalDeduction deduction) {
        return DeductUsageRequest.newBuilder()
                .setRequestId(deduction.requestId().toString())
                .setSdkAppId(deduction.sdkAppId())
                .setBillingDay(ProtoTime.date(deduction.billingDay()))
                .setItem(BillableItem.BILLABLE_ITEM_BASE_SERVICE)
                .setTier(ResolutionTier.valueOf("RESOLUTION_TIER_" + deduction.tier()))
                .setIntervalIndex(deduction.intervalIndex())
                .setUsageMinutes(deduction.usageMinutes())
                .setUnitPrice(ProtoMoney.money(deduction.unitPrice(), deduction.currency()))
                .setPriceBookVersion(deduction.priceBookVersion())
                .build();
    }
}
