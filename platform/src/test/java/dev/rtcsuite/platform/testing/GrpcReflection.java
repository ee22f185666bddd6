package dev.rtcsuite.platform.testing;

import io.grpc.Channel;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What a running service's gRPC server reflection (grpc.reflection.v1) tells a client. */
public final class GrpcReflection {

    private GrpcReflection() {}

    /** The fully qualified names of the services {@code channel}'s server lists. */
    public static List<String> services(Channel channel) throws Exception {
        CompletableFuture<List<String>> names = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests =
                ServerReflectionGrpc.newStub(channel)
                        .serverReflectionInfo(
                                new StreamObserver<>() {
                                    @Override
                                    public void onNext(ServerReflectionResponse response) {
                                        names.complete(
                                                response
                                                        .getListServicesResponse()
                                                        .getServiceList()
                                                        .stream()
                                                        .map(ServiceResponse::getName)
                                                        .toList());
                                    }

                                    @Override
                                    public void onError(Throwable t) {
                                        names.completeExceptionally(t);
                                    }

                                    @Override
                                    public void onCompleted() {
                                        names.complete(List.of());
                                    }
                                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        return names.get(10, TimeUnit.SECONDS);
    }
}
