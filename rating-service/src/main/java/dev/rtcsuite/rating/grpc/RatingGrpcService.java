package dev.rtcsuite.rating.grpc;

import com.google.type.Date;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.grpc.GrpcCalls;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.paging.BoundPages;
import dev.rtcsuite.platform.paging.PageRequest;
import dev.rtcsuite.rating.application.CostEstimates;
import dev.rtcsuite.rating.application.DailyRatings;
import dev.rtcsuite.rating.application.IngestResult;
import dev.rtcsuite.rating.application.PriceBooks;
import dev.rtcsuite.rating.application.RatedDay;
import dev.rtcsuite.rating.application.StoredPriceBook;
import dev.rtcsuite.rating.application.UsageIngestion;
import dev.rtcsuite.rating.client.AccountDirectory;
import dev.rtcsuite.rating.domain.estimate.CostEstimate;
import dev.rtcsuite.rating.domain.price.ContractAssignment;
import dev.rtcsuite.rating.domain.price.PriceBook;
import dev.rtcsuite.rating.domain.price.PriceBookKind;
import dev.rtcsuite.rating.v1.CreatePriceBookRequest;
import dev.rtcsuite.rating.v1.CreatePriceBookResponse;
import dev.rtcsuite.rating.v1.EstimateCostRequest;
import dev.rtcsuite.rating.v1.EstimateCostResponse;
import dev.rtcsuite.rating.v1.GetContractPriceBookRequest;
import dev.rtcsuite.rating.v1.GetContractPriceBookResponse;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.GetDailyBillResponse;
import dev.rtcsuite.rating.v1.GetPriceBookRequest;
import dev.rtcsuite.rating.v1.GetPriceBookResponse;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.IngestUsageResponse;
import dev.rtcsuite.rating.v1.ListIntervalUsageRequest;
import dev.rtcsuite.rating.v1.ListIntervalUsageResponse;
import dev.rtcsuite.rating.v1.ListPriceBooksRequest;
import dev.rtcsuite.rating.v1.ListPriceBooksResponse;
import dev.rtcsuite.rating.v1.MutinyRatingServiceGrpc;
import dev.rtcsuite.rating.v1.QueryUsageRequest;
import dev.rtcsuite.rating.v1.QueryUsageResponse;
import dev.rtcsuite.rating.v1.RerateDayRequest;
import dev.rtcsuite.rating.v1.RerateDayResponse;
import dev.rtcsuite.rating.v1.SetContractPriceBookRequest;
import dev.rtcsuite.rating.v1.SetContractPriceBookResponse;
import dev.rtcsuite.rating.v1.StreamUsageRequest;
import dev.rtcsuite.rating.v1.StreamUsageResponse;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
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
    private final PriceBooks priceBooks;
    private final AccountDirectory accounts;
    private final GrpcCalls calls;
    private final Clock clock;

    public RatingGrpcService(
            CostEstimates estimates,
            UsageIngestion ingestion,
            DailyRatings ratings,
            PriceBooks priceBooks,
            AccountDirectory accounts,
            GrpcCalls calls,
            Clock clock) {
        this.estimates = estimates;
        this.ingestion = ingestion;
        this.ratings = ratings;
        this.priceBooks = priceBooks;
        this.accounts = accounts;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public Uni<CreatePriceBookResponse> createPriceBook(CreatePriceBookRequest request) {
        return calls.once(
                "CreatePriceBook",
                request.getRequestId(),
                request,
                CreatePriceBookResponse.parser(),
                () -> {
                    var proto = request.getPriceBook();
                    PriceBook book = PriceBookProtoMapper.fromProto(proto, clock.instant());
                    StoredPriceBook stored =
                            priceBooks.create(
                                    book,
                                    proto.getDisplayName(),
                                    proto.hasEffectiveTime()
                                            ? Optional.of(
                                                    ProtoTime.instant(proto.getEffectiveTime()))
                                            : Optional.empty());
                    return CreatePriceBookResponse.newBuilder()
                            .setPriceBook(PriceBookProtoMapper.toProto(stored))
                            .build();
                });
    }

    @Override
    public Uni<GetPriceBookResponse> getPriceBook(GetPriceBookRequest request) {
        return calls.answer(
                () ->
                        GetPriceBookResponse.newBuilder()
                                .setPriceBook(
                                        PriceBookProtoMapper.toProto(
                                                priceBooks.get(request.getVersion())))
                                .build());
    }

    @Override
    public Uni<ListPriceBooksResponse> listPriceBooks(ListPriceBooksRequest request) {
        return calls.answer(
                () -> {
                    PageRequest page = BoundPages.request(request);
                    Optional<PriceBookKind> kind =
                            switch (request.getKindValue()) {
                                case 0 -> Optional.empty();
                                case 1 -> Optional.of(PriceBookKind.LIST);
                                case 2 -> Optional.of(PriceBookKind.CONTRACT);
                                default ->
                                        throw ServiceException.invalid(
                                                "kind",
                                                "must be PRICE_BOOK_KIND_LIST,"
                                                        + " PRICE_BOOK_KIND_CONTRACT or unset, was "
                                                        + request.getKindValue());
                            };
                    List<StoredPriceBook> books = priceBooks.list(kind);
                    return ListPriceBooksResponse.newBuilder()
                            .addAllPriceBooks(
                                    page.of(books).stream()
                                            .map(PriceBookProtoMapper::toProto)
                                            .toList())
                            .setNextPageToken(BoundPages.bind(request, page.nextToken(books)))
                            .build();
                });
    }

    @Override
    public Uni<SetContractPriceBookResponse> setContractPriceBook(
            SetContractPriceBookRequest request) {
        return calls.once(
                "SetContractPriceBook",
                request.getRequestId(),
                request,
                SetContractPriceBookResponse.parser(),
                () -> {
                    Instant now = clock.instant();
                    Instant from =
                            request.hasEffectiveTime()
                                    ? ProtoTime.instant(request.getEffectiveTime())
                                    : now;
                    new FieldChecks()
                            .length(request.getAccountId(), 1, 64, "account_id")
                            .check(
                                    !from.isBefore(now),
                                    "effective_time",
                                    "must not be in the past (closed days are never re-rated);"
                                            + " unset means now")
                            .throwIfInvalid();
                    accounts.requireAccount(request.getAccountId());
                    ContractAssignment assignment =
                            priceBooks.assign(
                                    request.getAccountId(), request.getPriceBookVersion(), from);
                    return SetContractPriceBookResponse.newBuilder()
                            .setAssignment(
                                    PriceBookProtoMapper.toProto(assignment).toBuilder()
                                            .setCreateTime(ProtoTime.timestamp(now)))
                            .build();
                });
    }

    @Override
    public Uni<GetContractPriceBookResponse> getContractPriceBook(
            GetContractPriceBookRequest request) {
        return calls.answer(
                () -> {
                    new FieldChecks()
                            .length(request.getAccountId(), 1, 64, "account_id")
                            .throwIfInvalid();
                    return GetContractPriceBookResponse.newBuilder()
                            .addAllAssignments(
                                    priceBooks.assignments(request.getAccountId()).stream()
                                            .map(PriceBookProtoMapper::toProto)
                                            .toList())
                            .build();
                });
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
    public Uni<QueryUsageResponse> queryUsage(QueryUsageRequest request) {
        return calls.answer(() -> UsageQueries.query(ratings, request));
    }

    @Override
    public Uni<RerateDayResponse> rerateDay(RerateDayRequest request) {
        return calls.once(
                "RerateDay",
                request.getRequestId(),
                request,
                RerateDayResponse.parser(),
                () -> {
                    FieldChecks checks = new FieldChecks();
                    LocalDate day = billingDay(checks, request.getBillingDay());
                    checkScope(
                            checks,
                            request.getScopeCase() == RerateDayRequest.ScopeCase.SDK_APP_ID,
                            request.getScopeCase() == RerateDayRequest.ScopeCase.ACCOUNT_ID,
                            request.getSdkAppId(),
                            request.getAccountId());
                    checks.throwIfInvalid();
                    DailyRatings.Rerated rerated =
                            ratings.rerate(
                                    request.getSdkAppId(),
                                    request.getAccountId(),
                                    day,
                                    Optional.of(request.getPriceBookVersion())
                                            .filter(v -> !v.isEmpty()));
                    return RerateDayResponse.newBuilder()
                            .setBill(RatingProtoMapper.dailyBill(rerated.after()))
                            .addAllPreviousTotals(
                                    rerated.before().bill().totals().stream()
                                            .map(RatingProtoMapper::total)
                                            .toList())
                            .build();
                });
    }

    /** Exactly one of a positive SdkAppId and an account id (1–64 characters). */
    private static void checkScope(
            FieldChecks checks, boolean app, boolean account, long sdkAppId, String accountId) {
        if (app) {
            checks.check(sdkAppId > 0, "sdk_app_id", "must be a positive SdkAppId");
        } else if (account) {
            checks.length(accountId, 1, 64, "account_id");
        } else {
            checks.check(false, "scope", "required: sdk_app_id or account_id");
        }
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
                    PageRequest page = BoundPages.request(request);
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
                    return ListIntervalUsageResponse.newBuilder()
                            .addAllIntervals(page.of(rows))
                            .setNextPageToken(BoundPages.bind(request, page.nextToken(rows)))
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
