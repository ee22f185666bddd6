package dev.rtcsuite.recording.testing;

import dev.rtcsuite.packages.v1.Account;
import dev.rtcsuite.packages.v1.GetAccountRequest;
import dev.rtcsuite.packages.v1.GetAccountResponse;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.GetServiceStatusResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.ServiceStatus;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.packages.v1.WatchServiceStatusRequest;
import dev.rtcsuite.packages.v1.WatchServiceStatusResponse;
import dev.rtcsuite.platform.grpc.ProtoTime;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in package-service on a real port: GetServiceStatus and GetAccount from the statuses the
 * test sets, and WatchServiceStatus streams (every app, changes only) that the test feeds, breaks
 * or keeps quiet. Unknown apps are NOT_FOUND.
 */
public final class FakePackageService extends PackagesServiceGrpc.PackagesServiceImplBase {

    public static final String ZONE = "Asia/Shanghai";

    private final Map<Long, ServiceStatus> statuses = new ConcurrentHashMap<>();
    private final List<ServerCallStreamObserver<WatchServiceStatusResponse>> watchers =
            new CopyOnWriteArrayList<>();
    private final AtomicInteger watches = new AtomicInteger();
    private final AtomicInteger accountsRead = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong(Instant.now().toEpochMilli());
    private Server server;

    /** Serves on {@code port} (0: any free port), in plaintext or with {@code tls}. */
    public FakePackageService start(int port, SslContext tls) {
        try {
            NettyServerBuilder builder = NettyServerBuilder.forPort(port).addService(this);
            if (tls != null) {
                builder.sslContext(tls);
            }
            server = builder.build().start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Sets the app's status without telling the watchers (a change they miss). */
    public void set(long sdkAppId, ServiceStatusReason reason) {
        boolean inService =
                reason == ServiceStatusReason.SERVICE_STATUS_REASON_NONE
                        || reason == ServiceStatusReason.SERVICE_STATUS_REASON_ARREARS_GRACE;
        statuses.put(
                sdkAppId,
                ServiceStatus.newBuilder()
                        .setSdkAppId(sdkAppId)
                        .setAccountId("account-" + sdkAppId)
                        .setInService(inService)
                        .setReason(reason)
                        .setAsOfTime(
                                ProtoTime.timestamp(Instant.ofEpochMilli(clock.incrementAndGet())))
                        .build());
    }

    /** Sets the app's status and sends it to every open watch. */
    public void change(long sdkAppId, ServiceStatusReason reason) {
        set(sdkAppId, reason);
        send(statuses.get(sdkAppId));
    }

    /** Sends {@code status} to every open watch as it is (e.g. an old one, arriving late). */
    public void send(ServiceStatus status) {
        WatchServiceStatusResponse message =
                WatchServiceStatusResponse.newBuilder().setStatus(status).build();
        for (ServerCallStreamObserver<WatchServiceStatusResponse> watcher : watchers) {
            synchronized (watcher) {
                watcher.onNext(message);
            }
        }
    }

    public ServiceStatus status(long sdkAppId) {
        return statuses.get(sdkAppId);
    }

    /** Breaks every open watch, as a restart of package-service would. */
    public void breakWatches() {
        for (ServerCallStreamObserver<WatchServiceStatusResponse> watcher : watchers) {
            watchers.remove(watcher);
            synchronized (watcher) {
                watcher.onError(
                        Status.UNAVAILABLE.withDescription("restarting").asRuntimeException());
            }
        }
    }

    /** How many watches were opened so far. */
    public int watchesOpened() {
        return watches.get();
    }

    /** How many GetAccount calls were answered so far. */
    public int accountsRead() {
        return accountsRead.get();
    }

    /** How many watches are open now. */
    public int openWatches() {
        return watchers.size();
    }

    @Override
    public void getServiceStatus(
            GetServiceStatusRequest request, StreamObserver<GetServiceStatusResponse> response) {
        ServiceStatus status = statuses.get(request.getSdkAppId());
        if (status == null) {
            response.onError(Status.NOT_FOUND.withDescription("no such app").asRuntimeException());
            return;
        }
        response.onNext(GetServiceStatusResponse.newBuilder().setStatus(status).build());
        response.onCompleted();
    }

    @Override
    public void getAccount(GetAccountRequest request, StreamObserver<GetAccountResponse> response) {
        accountsRead.incrementAndGet();
        response.onNext(
                GetAccountResponse.newBuilder()
                        .setAccount(
                                Account.newBuilder()
                                        .setAccountId(request.getAccountId())
                                        .setBillingTimeZone(ZONE))
                        .build());
        response.onCompleted();
    }

    @Override
    public void watchServiceStatus(
            WatchServiceStatusRequest request,
            StreamObserver<WatchServiceStatusResponse> response) {
        var watcher = (ServerCallStreamObserver<WatchServiceStatusResponse>) response;
        watcher.setOnCancelHandler(() -> watchers.remove(watcher));
        watchers.add(watcher);
        watches.incrementAndGet();
    }
}
