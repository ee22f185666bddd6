package dev.rtcsuite.mixing.client;

import dev.rtcsuite.mixing.config.MixingConfig;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.session.RoomState;
import dev.rtcsuite.platform.jobs.RetryPolicy;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceStub;
import dev.rtcsuite.recording.v1.WatchRoomStreamsRequest;
import dev.rtcsuite.recording.v1.WatchRoomStreamsResponse;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.quarkus.grpc.GrpcClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Watches rooms with recording-service's WatchRoomStreams, one server stream per room. A stream
 * that fails or ends is opened again after a back-off (first delay doubling up to a maximum, with
 * up to 20 % jitter); the new stream starts with a fresh snapshot, so nothing is lost but time. A
 * room's messages are delivered one at a time, in order, on a virtual thread of its own.
 */
@ApplicationScoped
public class GrpcRoomFeed implements RoomFeed {

    private static final Logger LOG = Logger.getLogger(GrpcRoomFeed.class);

    private record Key(long sdkAppId, Room room) {}

    private final RecordingServiceStub stub;
    private final Consumer<RoomUpdate> sink;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Clock clock;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("room-feed-retry").factory());
    private final Map<Key, Watch> watches = new ConcurrentHashMap<>();

    @Inject
    public GrpcRoomFeed(
            @GrpcClient("recording") Channel channel,
            Event<RoomUpdate> events,
            MixingConfig config,
            Clock clock) {
        this(
                RecordingServiceGrpc.newStub(channel),
                events::fire,
                config.watchRetryFirst(),
                config.watchRetryMax(),
                clock);
    }

    GrpcRoomFeed(
            RecordingServiceStub stub,
            Consumer<RoomUpdate> sink,
            Duration firstRetry,
            Duration maxRetry,
            Clock clock) {
        this.stub = stub;
        this.sink = sink;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.clock = clock;
    }

    @Override
    public void watch(long sdkAppId, Room room) {
        watches.computeIfAbsent(new Key(sdkAppId, room), this::open);
    }

    @Override
    public void unwatch(long sdkAppId, Room room) {
        Watch watch = watches.remove(new Key(sdkAppId, room));
        if (watch != null) {
            watch.close();
        }
    }

    @Override
    public Set<Watched> watched() {
        return watches.values().stream()
                .map(w -> new Watched(w.key.sdkAppId(), w.key.room(), w.since))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<RoomState> current(long sdkAppId, Room room, Duration wait) {
        Watch watch = watches.computeIfAbsent(new Key(sdkAppId, room), this::open);
        return watch.awaitState(wait);
    }

    @PreDestroy
    void close() {
        watches.values().forEach(Watch::close);
        watches.clear();
        timer.shutdownNow();
    }

    private Watch open(Key key) {
        Watch watch = new Watch(key, clock.instant());
        watch.connect();
        return watch;
    }

    /** Delay before reconnection attempt {@code attempt} (1, 2, …). */
    Duration backoff(int attempt) {
        return RetryPolicy.forever(firstRetry, maxRetry)
                .delayAfter(attempt, bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    /** One room's stream, reconnected until closed. */
    private final class Watch
            implements ClientResponseObserver<WatchRoomStreamsRequest, WatchRoomStreamsResponse> {

        private final Key key;
        private final Instant since;
        private final ExecutorService delivery =
                Executors.newSingleThreadExecutor(Thread.ofVirtual().name("room-feed").factory());
        private final Object lock = new Object();
        private volatile RoomState latest;
        private volatile boolean closed;
        private volatile ClientCallStreamObserver<WatchRoomStreamsRequest> call;
        private int failures;

        Watch(Key key, Instant since) {
            this.key = key;
            this.since = since;
        }

        void connect() {
            if (!closed) {
                stub.watchRoomStreams(RoomStreamsMapper.request(key.sdkAppId(), key.room()), this);
            }
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<WatchRoomStreamsRequest> requestStream) {
            call = requestStream;
        }

        @Override
        public void onNext(WatchRoomStreamsResponse response) {
            RoomState state = RoomStreamsMapper.state(response, clock.instant());
            synchronized (lock) {
                failures = 0;
                latest = state;
                lock.notifyAll();
            }
            runInOrder(() -> deliver(state, 1));
        }

        @Override
        public void onError(Throwable failure) {
            retry("failed: " + failure);
        }

        @Override
        public void onCompleted() {
            if (latest != null && latest.dismissed()) {
                return; // the room ended: no further update follows
            }
            retry("ended by the server");
        }

        private void retry(String why) {
            if (closed) {
                return;
            }
            int attempt;
            synchronized (lock) {
                attempt = ++failures;
            }
            Duration delay = backoff(attempt);
            LOG.debugf(
                    "room watch %d/%s %s; reconnecting in %d ms",
                    key.sdkAppId(), key.room(), why, delay.toMillis());
            timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        /**
         * Hands the state to the service, every state in order; if that fails (the database is
         * away, say), the state is handed over again after a back-off unless a newer one has
         * arrived.
         */
        private void deliver(RoomState state, int attempt) {
            if (closed || (attempt > 1 && latest != state)) {
                return;
            }
            try {
                sink.accept(new RoomUpdate(key.sdkAppId(), key.room(), state));
            } catch (RuntimeException e) {
                Duration delay = backoff(attempt);
                LOG.warnf(
                        "room update %d/%s not applied (%s); again in %d ms",
                        key.sdkAppId(), key.room(), e.getMessage(), delay.toMillis());
                timer.schedule(
                        () -> runInOrder(() -> deliver(state, attempt + 1)),
                        delay.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }

        private void runInOrder(Runnable work) {
            try {
                delivery.execute(work);
            } catch (java.util.concurrent.RejectedExecutionException unwatched) {
                // the watch was closed meanwhile
            }
        }

        Optional<RoomState> awaitState(Duration wait) {
            long deadline = System.nanoTime() + wait.toNanos();
            synchronized (lock) {
                while (latest == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Optional.empty();
                    }
                }
                return Optional.of(latest);
            }
        }

        void close() {
            closed = true;
            ClientCallStreamObserver<WatchRoomStreamsRequest> current = call;
            if (current != null) {
                current.cancel("unwatched", null);
            }
            delivery.shutdown();
        }
    }
}
