package dev.rtcsuite.platform.security;

import static dev.rtcsuite.platform.security.ScopeTestProtos.appRequest;
import static dev.rtcsuite.platform.security.ScopeTestProtos.batch;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DynamicMessage;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.rtcsuite.platform.security.AccessTokensTest.Keys;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC X-5 over a real gRPC server: the role matrix of a unary method, a client stream and a
 * tenant-free method, for callers with no token, bad tokens, each role, and an app-bound caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessInterceptorTest {

    private static final Instant NOW = AccessTokensTest.NOW;
    private static final long MINE = 1400000001L;

    private static final MethodDescriptor<DynamicMessage, DynamicMessage> GET =
            method("Get", MethodType.UNARY, ScopeTestProtos.APP_REQUEST);
    private static final MethodDescriptor<DynamicMessage, DynamicMessage> INGEST =
            method("Ingest", MethodType.CLIENT_STREAMING, ScopeTestProtos.BATCH);
    private static final MethodDescriptor<DynamicMessage, DynamicMessage> PREVIEW =
            method("Preview", MethodType.UNARY, ScopeTestProtos.FREE_REQUEST);

    private final AtomicInteger batchesHandled = new AtomicInteger();
    private Server server;
    private ManagedChannel channel;

    @BeforeAll
    void startServer(@TempDir Path keys) throws Exception {
        Path issuerKey = Files.writeString(keys.resolve("issuer.pub.pem"), Keys.publicPem());
        SecuritySettings settings =
                new SecuritySettings() {
                    public boolean enabled() {
                        return true;
                    }

                    public Optional<Path> tokenKey() {
                        return Optional.of(issuerKey);
                    }

                    public Optional<Path> serviceToken() {
                        return Optional.empty();
                    }
                };
        AccessPolicy policy =
                new AccessPolicy(
                        new SmallRyeConfigBuilder()
                                .withDefaultValues(
                                        Map.of(
                                                "rtcsuite.access.Get", "SERVICE, APP",
                                                "rtcsuite.access.Ingest", "MEDIA,APP",
                                                "rtcsuite.access.Preview", "APP"))
                                .build());
        AccessInterceptor interceptor =
                new AccessInterceptor(
                        settings, policy, "test.rtcsuite.dev", Clock.fixed(NOW, ZoneOffset.UTC));
        ServerServiceDefinition service =
                ServerServiceDefinition.builder("scopetest.Test")
                        .addMethod(GET, ServerCalls.asyncUnaryCall(AccessInterceptorTest::echo))
                        .addMethod(PREVIEW, ServerCalls.asyncUnaryCall(AccessInterceptorTest::echo))
                        .addMethod(INGEST, ServerCalls.asyncClientStreamingCall(this::countBatches))
                        .build();
        server =
                NettyServerBuilder.forPort(0)
                        .addService(ServerInterceptors.intercept(service, interceptor))
                        .build()
                        .start();
        channel =
                NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                        .usePlaintext()
                        .build();
    }

    @AfterAll
    void stopServer() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aCallWithoutAValidTokenIsUnauthenticated() {
        String expired = token(Role.ADMIN, OptionalLong.empty(), NOW.minusSeconds(1));

        assertThat(refusal(() -> get(Optional.empty(), appRequest(MINE, ""))))
                .isEqualTo("UNAUTHENTICATED/UNAUTHENTICATED");
        assertThat(refusal(() -> get(Optional.of(expired), appRequest(MINE, ""))))
                .isEqualTo("UNAUTHENTICATED/UNAUTHENTICATED");
        assertThat(refusal(() -> get(Optional.of("rtc1.x.y"), appRequest(MINE, ""))))
                .isEqualTo("UNAUTHENTICATED/UNAUTHENTICATED");
    }

    @Test
    void eachRoleIsAllowedOrRefusedAsTheRuleSays() {
        DynamicMessage request = appRequest(MINE, "");

        assertThat(get(Optional.of(token(Role.ADMIN)), request)).isEqualTo(request);
        assertThat(get(Optional.of(token(Role.SERVICE)), request)).isEqualTo(request);
        assertThat(refusal(() -> get(Optional.of(token(Role.MEDIA)), request)))
                .isEqualTo("PERMISSION_DENIED/METHOD_NOT_ALLOWED");
        assertThat(refusal(() -> preview(token(Role.MEDIA))))
                .isEqualTo("PERMISSION_DENIED/METHOD_NOT_ALLOWED");
        assertThat(preview(token(Role.ADMIN))).isEqualTo(ScopeTestProtos.free(640));
    }

    @Test
    void anAppCallerReachesItsAppOnly() {
        String app = token(Role.APP, OptionalLong.of(MINE), NOW.plusSeconds(60));

        assertThat(get(Optional.of(app), appRequest(MINE, ""))).isEqualTo(appRequest(MINE, ""));
        assertThat(refusal(() -> get(Optional.of(app), appRequest(MINE + 1, ""))))
                .isEqualTo("PERMISSION_DENIED/OUTSIDE_CALLER_APP");
        assertThat(refusal(() -> get(Optional.of(app), appRequest(MINE, "account-of-another"))))
                .isEqualTo("PERMISSION_DENIED/OUTSIDE_CALLER_APP");
        assertThat(preview(app)).isEqualTo(ScopeTestProtos.free(640));
    }

    @Test
    void aClientStreamStopsAtTheFirstMessageOutsideTheApp() throws Exception {
        String app = token(Role.APP, OptionalLong.of(MINE), NOW.plusSeconds(60));
        int before = batchesHandled.get();

        String refused =
                refusal(
                        () ->
                                ingest(
                                        app,
                                        List.of(
                                                batch(List.of(MINE, MINE)),
                                                batch(List.of(MINE + 1)),
                                                batch(List.of(MINE)))));

        assertThat(refused).isEqualTo("PERMISSION_DENIED/OUTSIDE_CALLER_APP");
        assertThat(batchesHandled.get() - before).isEqualTo(1);
        assertThat(ingest(token(Role.MEDIA), List.of(batch(List.of(MINE)), batch(List.of(7L)))))
                .isEqualTo(ScopeTestProtos.free(2));
    }

    private DynamicMessage get(Optional<String> token, DynamicMessage request) {
        return ClientCalls.blockingUnaryCall(withToken(token), GET, CallOptions.DEFAULT, request);
    }

    private DynamicMessage preview(String token) {
        return ClientCalls.blockingUnaryCall(
                withToken(Optional.of(token)),
                PREVIEW,
                CallOptions.DEFAULT,
                ScopeTestProtos.free(640));
    }

    private DynamicMessage ingest(String token, List<DynamicMessage> batches) {
        CompletableFuture<DynamicMessage> answer = new CompletableFuture<>();
        StreamObserver<DynamicMessage> requests =
                ClientCalls.asyncClientStreamingCall(
                        withToken(Optional.of(token)).newCall(INGEST, CallOptions.DEFAULT),
                        new StreamObserver<>() {
                            public void onNext(DynamicMessage value) {
                                answer.complete(value);
                            }

                            public void onError(Throwable t) {
                                answer.completeExceptionally(t);
                            }

                            public void onCompleted() {}
                        });
        batches.forEach(requests::onNext);
        requests.onCompleted();
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Channel withToken(Optional<String> token) {
        Metadata headers = new Metadata();
        token.ifPresent(t -> headers.put(AccessInterceptor.AUTHORIZATION, "Bearer " + t));
        return ClientInterceptors.intercept(
                channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** The refusal's code and ErrorInfo reason. */
    private static String refusal(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            Status status = StatusProto.fromThrowable(e);
            String reason =
                    status.getDetailsList().stream()
                            .filter(d -> d.is(ErrorInfo.class))
                            .map(
                                    d -> {
                                        try {
                                            return d.unpack(ErrorInfo.class).getReason();
                                        } catch (Exception unreadable) {
                                            return "unreadable";
                                        }
                                    })
                            .findFirst()
                            .orElse("no ErrorInfo");
            return e.getStatus().getCode() + "/" + reason;
        }
        throw new AssertionError("the call was not refused");
    }

    private static String token(Role role) {
        return token(role, OptionalLong.empty(), NOW.plusSeconds(60));
    }

    private static String token(Role role, OptionalLong app, Instant expires) {
        return AccessTokens.mint(
                new Caller("tester", role, app, expires), Keys.ISSUER.getPrivate());
    }

    private static void echo(DynamicMessage request, StreamObserver<DynamicMessage> answer) {
        answer.onNext(request);
        answer.onCompleted();
    }

    private StreamObserver<DynamicMessage> countBatches(StreamObserver<DynamicMessage> answer) {
        return new StreamObserver<>() {
            private int batches;

            public void onNext(DynamicMessage batch) {
                batches++;
                batchesHandled.incrementAndGet();
            }

            public void onError(Throwable t) {}

            public void onCompleted() {
                answer.onNext(ScopeTestProtos.free(batches));
                answer.onCompleted();
            }
        };
    }

    private static MethodDescriptor<DynamicMessage, DynamicMessage> method(
            String name, MethodType type, com.google.protobuf.Descriptors.Descriptor request) {
        return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                .setType(type)
                .setFullMethodName("scopetest.Test/" + name)
                .setRequestMarshaller(
                        ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(request)))
                .setResponseMarshaller(
                        ProtoUtils.marshaller(
                                DynamicMessage.getDefaultInstance(
                                        type == MethodType.CLIENT_STREAMING
                                                ? ScopeTestProtos.FREE_REQUEST
                                                : request)))
                .build();
    }
}
