package dev.rtcsuite.rating.grpc;

import dev.rtcsuite.platform.grpc.GrpcCalls;
import dev.rtcsuite.rating.application.CostEstimates;
import dev.rtcsuite.rating.domain.estimate.CostEstimate;
import dev.rtcsuite.rating.v1.EstimateCostRequest;
import dev.rtcsuite.rating.v1.EstimateCostResponse;
import dev.rtcsuite.rating.v1.MutinyRatingServiceGrpc;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The rating-service v1 API. EstimateCost is served; the other RPCs answer UNIMPLEMENTED naming
 * issue #3 (see UnimplementedRpcNote) until they land, never a fake success.
 */
@GrpcService
public class RatingGrpcService extends MutinyRatingServiceGrpc.RatingServiceImplBase {

    private final CostEstimates estimates;
    private final GrpcCalls calls;

    public RatingGrpcService(CostEstimates estimates, GrpcCalls calls) {
        this.estimates = estimates;
        this.calls = calls;
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
