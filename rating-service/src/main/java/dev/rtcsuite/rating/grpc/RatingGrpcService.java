package dev.rtcsuite.rating.grpc;

import dev.rtcsuite.platform.grpc.GrpcCalls;
import dev.rtcsuite.rating.application.CostEstimates;
import dev.rtcsuite.rating.application.IngestResult;
import dev.rtcsuite.rating.application.UsageIngestion;
import dev.rtcsuite.rating.domain.estimate.CostEstimate;
import dev.rtcsuite.rating.v1.EstimateCostRequest;
import dev.rtcsuite.rating.v1.EstimateCostResponse;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.IngestUsageResponse;
import dev.rtcsuite.rating.v1.MutinyRatingServiceGrpc;
import dev.rtcsuite.rating.v1.StreamUsageRequest;
import dev.rtcsuite.rating.v1.StreamUsageResponse;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The rating-service v1 API. EstimateCost is served; the other RPCs answer UNIMPLEMENTED naming
 * issue #3 (see UnimplementedRpcNote) until they land, never a fake success.
 */
@GrpcService
public class RatingGrpcService extends MutinyRatingServiceGrpc.RatingServiceImplBase {

    private final CostEstimates estimates;
    private final UsageIngestion ingestion;
    private final GrpcCalls calls;
    private final Clock clock;

    public RatingGrpcService(
            CostEstimates estimates, UsageIngestion ingestion, GrpcCalls calls, Clock clock) {
        this.estimates = estimates;
        this.ingestion = ingestion;
        this.calls = calls;
        this.clock = clock;
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
