package dev.rtcsuite.suite.bench;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.netty.handler.ssl.ClientAuth;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling of the load harness: a bare grpc-java server on the same machine, over the same
 * mutual TLS, whose one method answers at once without any work (the standard health check).
 */
final class EchoServer implements AutoCloseable {

    private final Server server;

    EchoServer(Path credentials) throws IOException {
        server =
                NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                        .sslContext(
                                GrpcSslContexts.forServer(
                                                credentials.resolve("rating.pem").toFile(),
                                                credentials.resolve("rating.key").toFile())
                                        .trustManager(credentials.resolve("ca.pem").toFile())
                                        .clientAuth(ClientAuth.REQUIRE)
                                        .build())
                        .addService(
                                new HealthGrpc.HealthImplBase() {
                                    @Override
                                    public void check(
                                            HealthCheckRequest request,
                                            StreamObserver<HealthCheckResponse> response) {
                                        response.onNext(
                                                HealthCheckResponse.newBuilder()
                                                        .setStatus(ServingStatus.SERVING)
                                                        .build());
                                        response.onCompleted();
                                    }
                                })
                        .build()
                        .start();
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
