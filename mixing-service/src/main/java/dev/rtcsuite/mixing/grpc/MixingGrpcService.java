package dev.rtcsuite.mixing.grpc;

import dev.rtcsuite.mixing.v1.MutinyMixingServiceGrpc;
import io.quarkus.grpc.GrpcService;

/**
 * The mixing-service v1 API. Every RPC is served and, until issue #6 brings MCU mix-transcode
 * sessions, answers UNIMPLEMENTED naming that issue (see UnimplementedRpcNote) rather than a fake
 * success.
 */
@GrpcService
public class MixingGrpcService extends MutinyMixingServiceGrpc.MixingServiceImplBase {}
