package dev.rtcsuite.rating.grpc;

import dev.rtcsuite.rating.v1.MutinyRatingServiceGrpc;
import io.quarkus.grpc.GrpcService;

/**
 * The rating-service v1 API. Every RPC is served and, until issue #3 brings the rating engine,
 * answers UNIMPLEMENTED naming that issue (see UnimplementedRpcNote) rather than a fake success.
 */
@GrpcService
public class RatingGrpcService extends MutinyRatingServiceGrpc.RatingServiceImplBase {}
