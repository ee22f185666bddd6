package dev.rtcsuite.rating.grpc;

import com.google.type.Date;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.grpc.GrpcCalls;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.paging.PageRequest;
import dev.rtcsuite.rating.application.CostEstimates;
import dev.rtcsuite.rating.application.DailyRatings;
import dev.rtcsuite.rating.application.IngestResult;
import dev.rtcsuite.rating.application.RatedDay;
import dev.rtcsuite.rating.application.UsageIngestion;
import dev.rtcsuite.rating.domain.estimate.CostEstimate;
import dev.rtcsuite.rating.v1.EstimateCostRequest;
import dev.rtcsuite.rating.v1.EstimateCostResponse;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.GetDailyBillResponse;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.IngestUsageResponse;
import dev.rtcsuite.rating.v1.ListIntervalUsageRequest;
import dev.rtcsuite.rating.v1.ListIntervalUsageResponse;
import dev.rtcsuite.rating.v1.MutinyRatingServiceGrpc;
import dev.rtcsuite.rating.v1.StreamUsageRequest;
import dev.rtcsuite.rating.v1.StreamUsageResponse;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The rating-service v1 API: ingestion, daily bills, interval usage and estimates are served; the
 * other RPCs answer UNIMPLEMENTED naming issue #3 (see UnimplementedRpcNote) until they land, never
 * a fake success.
 */
@GrpcService
public class RatingGrpcService extends MutinyRatingServiceGrpc.RatingServiceImplBase {

    private final CostEstimates estimates;
    private final UsageIngestion ingestion;
    private final DailyRatings ratings;
    private final GrpcCalls calls;
    private final Clock clock;

    public RatingGrpcService(
            CostEstimates estimates,
            UsageIngestion ingestion,
            DailyRatings ratings,
            GrpcCalls calls,
            Clock clock) {
        this.estimates = estimates;
        this.ingestion = ingestion;
        this.ratings = ratings;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public Uni<GetDailyBillResponse> getDailyBill(GetDailyBillRequest request) {
        return calls.answer(
                () -> {
                    FieldChecks checks = new FieldChecks();
                    LocalDate day = billingDay(checks, request.getBillingDay());
                    switch (request.getScopeCase()) {
                        case SDK_APP_ID ->
                                checks.check(
                                        request.getSdkAppId() > 0,
                                        "sdk_app_id",
                                        "must be a positive SdkAppId");
                        case ACCOUNT_ID ->
                                checks.length(request.getAccountId(), 1, 64, "account_id");
                        case SCOPE_NOT_SET ->
                                checks.check(false, "scope", "required: sdk_app_id or account_id");
                    }
                    checks.throwIfInvalid();
                    RatedDay rated =
                            request.getScopeCase() == GetDailyBillRequest.ScopeCase.SDK_APP_ID
                                    ? ratings.appDay(request.getSdkAppId(), day)
                                    : ratings.accountDay(request.getAccountId(), day);
                    return GetDailyBillResponse.newBuilder()
                            .setBill(RatingProtoMapper.dailyBill(rated))
                            .build();
                });
    }

    @Override
    public Uni<ListIntervalUsageResponse> listIntervalUsage(ListIntervalUsageRequest request) {
        return calls.answer(
                () -> {
                    FieldChecks checks = new FieldChecks();
                    LocalDate day = billingDay(checks, request.getBillingDay());
                    checks.check(
                            request.getSdkAppId() > 0, "sdk_app_id", "must be a positive SdkAppId");
                    checks.check(
                            request.getStartIntervalIndex() >= 0
                                    && request.getStartIntervalIndex() <= 299,
                            "start_interval_index",
                            "must be 0–299");
                    int itemNumber = request.getItemValue() == 0 ? 1 : request.getItemValue();
                    BillableItem item = BillableItem.forNumber(itemNumber);
                    checks.check(
                            itemNumber >= 1 && itemNumber <= 6,
                            "item",
                            "must be a time-measured item: BASE_SERVICE, RECORDING_*,"
                                    + " MIX_TRANSCODE_* or IN_CLASS_RECORDING");
                    PageRequest page =
                            PageRequest.of(request.getPageSize(), request.getPageToken());
                    checks.throwIfInvalid();
                    RatedDay rated = ratings.appDay(request.getSdkAppId(), day);
                    List<dev.rtcsuite.rating.v1.IntervalUsage> rows =
                            rated.intervals().stream()
                                    .filter(row -> RatingProtoMapper.item(row.key()) == item)
                                    .filter(
                                            row ->
                                                    row.intervalIndex()
                                                            >= request.getStartIntervalIndex())
                                    .map(row -> RatingProtoMapper.interval(rated, row))
                                    .toList();
                    int from = (int) Math.min(page.after(), rows.size());
                    int to = Math.min(from + page.size(), rows.size());
                    return ListIntervalUsageResponse.newBuilder()
                            .addAllIntervals(rows.subList(from, to))
                            .setNextPageToken(
                                    PageRequest.token(
                                            to < rows.size()
                                                    ? Optional.of((long) to)
                                                    : Optional.empty()))
                            .build();
                });
    }

    private static LocalDate billingDay(FieldChecks checks, Date date) {
        Optional<LocalDate> day = ProtoTime.localDate(date);
        checks.check(day.isPresent(), "billing_day", "required: a valid calendar date");
        return day.orElse(null);
    }

    @Override
    public Uni<IngestUsageResponse> ingestUsage(IngestUsageRequest request) {
        return calls.once(
                "IngestUsage",
                request.getRequestId(),
                request,
                IngestUsageResponse.parser(),
                () -> {
                    IngestResult result =
                            ingestion.ingest(
                                    UsageRecords.facts(
                                            request.getRecordsList(), "records", clock.instant()));
                    return IngestUsageResponse.newBuilder()
                            .setAcceptedCount(result.accepted())
                            .setDuplicateCount(result.duplicates())
                            .build();
                });
    }

    /**
     * Each message is a batch, stored atomically in its own transaction as it arrives; the answer
     * after the client half-closes acknowledges them all. A bad batch fails the stream naming the
     * message and record index (e.g. {@code messages[2].records[5].presence.end_time}); earlier
     * batches stay stored, and de-duplicate when the producer sends them again.
     */
    @Override
    public Uni<StreamUsageResponse> streamUsage(Multi<StreamUsageRequest> requests) {
        AtomicLong batches = new AtomicLong();
        return requests.onItem()
                .transformToUniAndConcatenate(
                        batch -> {
                            String path = "messages[" + batches.getAndIncrement() + "].records";
                            return calls.answer(
                                    () ->
                                            ingestion.ingest(
                                                    UsageRecords.facts(
                                                            batch.getRecordsList(),
                                                            path,
                                                            clock.instant())));
                        })
                .collect()
                .with(Collectors.reducing(new IngestResult(0, 0), IngestResult::plus))
                .map(
                        total ->
                                StreamUsageResponse.newBuilder()
                                        .setAcceptedCount(total.accepted())
                                        .setDuplicateCount(total.duplicates())
                                        .setBatchCount(batches.get())
                                        .build());
    }

    @Override
    public Uni<EstimateCostResponse> estimateCost(EstimateCostRequest request) {
        return calls.answer(
                () -> {
                    CostEstimate estimate =
                            estimates.estimate(
                                    EstimateRequests.scenario(request),
                                    request.getAccountId(),
                                    request.getPriceBookVersion());
                    return EstimateCostResponse.newBuilder()
                            .addAllLines(
                                    estimate.lines().stream()
                                            .map(RatingProtoMapper::estimateLine)
                                            .toList())
                            .addAllTotals(
                                    estimate.totals().stream()
                                            .map(RatingProtoMapper::total)
                                            .toList())
                            .setPriceBookVersion(String.join(",", estimate.priceBookVersions()))
                            .build();
                });
    }
}
