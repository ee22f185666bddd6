package dev.rtcsuite.recording.client;

import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceStub;
import dev.rtcsuite.packages.v1.WatchServiceStatusRequest;
import dev.rtcsuite.packages.v1.WatchServiceStatusResponse;
import dev.rtcsuite.platform.jobs.RetryPolicy;
import dev.rtcsuite.recording.config.RecordingSettings;
import dev.rtcsuite.recording.domain.ServiceStanding;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.quarkus.grpc.GrpcClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Follows package-service's WatchServiceStatus for every app (an empty app list: changes only, no
 * snapshot). A stream that fails or ends is opened again after a back-off (doubling up to a
 * maximum, with up to 20 % jitter). Messages may be missed while no stream is open, so each
 * (re)connection is reported to the listener first, which re-reads what it depends on with
 * GetServiceStatus. The listener is called on one thread, in order; when it fails, the stream is
 * dropped and reopened, so its work is done again from a re-read rather than lost.
 */
@ApplicationScoped
public class ServiceStatusWatch {

    private static final Logger LOG = Logger.getLogger(ServiceStatusWatch.class);

    /** What the watch reports. */
    public interface Listener {
        /** A stream was opened: messages from before it may have been missed. */
        void connected();

        /** An app's status changed. */
        void changed(ServiceStanding standing);
    }

    private final PackagesServiceStub stub;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("status-watch-retry").factory());
    private final ExecutorService delivery =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("status-watch").factory());
    private final Object lock = new Object();
    private Listener listener;
    private Call current;
    private int failures;
    private boolean closed;

    public ServiceStatusWatch(@GrpcClient("packages") Channel channel, RecordingSettings settings) {
        this.stub = PackagesServiceGrpc.newStub(channel);
        this.firstRetry = settings.statusWatchFirstRetry();
        this.maxRetry = settings.statusWatchMaxRetry();
    }

    /** Opens the watch; it stays open (reconnecting) until the service stops. */
    public void start(Listener listener) {
        synchronized (lock) {
            if (this.listener != null) {
                return;
            }
            this.listener = listener;
        }
        connect();
    }

    @PreDestroy
    void close() {
        Call call;
        synchronized (lock) {
            closed = true;
            call = current;
        }
        if (call != null) {
            call.cancel("recording-service is stopping");
        }
        timer.shutdownNow();
        delivery.shutdownNow();
    }

    private void connect() {
        Call call = new Call();
        synchronized (lock) {
            if (closed) {
                return;
            }
            current = call;
        }
        stub.watchServiceStatus(WatchServiceStatusRequest.getDefaultInstance(), call);
        deliver(call, Listener::connected);
    }

    /** Delay before reconnection attempt {@code attempt} (1, 2, …). */
    Duration backoff(int attempt) {
        return RetryPolicy.forever(firstRetry, maxRetry)
                .delayAfter(attempt, bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    private void deliver(Call call, Consumer<Listener> work) {
        try {
            delivery.execute(
                    () -> {
                        if (!call.open) {
                            return; // that stream broke: its reconnection re-reads
                        }
                        try {
                            work.accept(listener);
                        } catch (RuntimeException e) {
                            LOG.warnf(
                                    "service status not applied (%s); the watch is reopened",
                                    e.getMessage());
                            call.cancel("status not applied");
                        }
                    });
        } catch (RejectedExecutionException stopping) {
            // the service is stopping
        }
    }

    private void retry(Call call, String why) {
        int attempt;
        synchronized (lock) {
            if (closed || current != call) {
                return;
            }
            if (System.nanoTime() - call.openedAt > maxRetry.toNanos()) {
                failures = 0; // it had been open a good while: not one of a row of failures
            }
            attempt = ++failures;
        }
        Duration delay = backoff(attempt);
        LOG.debugf("service status watch %s; reconnecting in %d ms", why, delay.toMillis());
        try {
            timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the service is stopping
        }
    }

    /** One stream. */
    private final class Call
            implements ClientResponseObserver<
                    WatchServiceStatusRequest, WatchServiceStatusResponse> {

        private final long openedAt = System.nanoTime();
        private volatile ClientCallStreamObserver<WatchServiceStatusRequest> requests;
        private volatile boolean open = true;

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchServiceStatusRequest> stream) {
            requests = stream;
        }

        @Override
        public void onNext(WatchServiceStatusResponse response) {
            synchronized (lock) {
                failures = 0;
            }
            ServiceStanding standing = AppDirectory.standing(response.getStatus());
            deliver(this, l -> l.changed(standing));
        }

        @Override
        public void onError(Throwable failure) {
            open = false;
            retry(this, "failed: " + failure);
        }

        @Override
        public void onCompleted() {
            open = false;
            retry(this, "ended by package-service");
        }

        void cancel(String why) {
            open = false;
            ClientCallStreamObserver<WatchServiceStatusRequest> stream = requests;
            if (stream != null) {
                stream.cancel(why, null);
            }
        }
    }
}
