package dev.rtcsuite.mixing.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.session.RoomState;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.RoomStream;
import dev.rtcsuite.recording.v1.RoomStreams;
import dev.rtcsuite.recording.v1.WatchRoomStreamsRequest;
import dev.rtcsuite.recording.v1.WatchRoomStreamsResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The room feed against recording-service's WatchRoomStreams contract, served by a stand-in server:
 * the state is read from the first snapshot, a broken stream is reopened after a back-off, and
 * updates reach the service in order.
 */
class GrpcRoomFeedTest {

    private static final long APP = 1_400_000_001L;
    private static final Room ROOM = Room.numeric(1234);

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicReference<StreamObserver<WatchRoomStreamsResponse>> open =
            new AtomicReference<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<RoomUpdate> updates = new CopyOnWriteArrayList<>();
    private volatile boolean breakFirst = true;
    private Server server;
    private ManagedChannel channel;
    private GrpcRoomFeed feed;

    /** The first stream sends a snapshot and breaks; the second sends one and stays open. */
    private final class Recording extends RecordingServiceGrpc.RecordingServiceImplBase {
        @Override
        public void watchRoomStreams(
                WatchRoomStreamsRequest request,
                StreamObserver<WatchRoomStreamsResponse> observer) {
            assertThat(request.getSdkAppId()).isEqualTo(APP);
            assertThat(request.getRoomId()).isEqualTo(1234);
            int connection = connections.incrementAndGet();
            if (connection == 1 && breakFirst) {
                observer.onNext(message(1, true, "alice"));
                observer.onError(
                        Status.UNAVAILABLE.withDescription("restarting").asRuntimeException());
                return;
            }
            ((ServerCallStreamObserver<WatchRoomStreamsResponse>) observer)
                    .setOnCancelHandler(cancelled::countDown);
            observer.onNext(message(2, true, "alice", "bob"));
            open.set(observer);
        }
    }

    @BeforeEach
    void serve() throws Exception {
        server = NettyServerBuilder.forPort(0).addService(new Recording()).build().start();
        channel =
                NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                        .usePlaintext()
                        .build();
        feed =
                new GrpcRoomFeed(
                        RecordingServiceGrpc.newStub(channel),
                        updates::add,
                        Duration.ofMillis(50),
                        Duration.ofMillis(200),
                        Clock.systemUTC());
    }

    @AfterEach
    void shutDown() throws Exception {
        feed.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void readsTheSnapshotReconnectsAfterABreakAndDeliversUpdatesInOrder() throws Exception {
        Optional<RoomState> first = feed.current(APP, ROOM, Duration.ofSeconds(5));

        assertThat(first).isPresent();
        assertThat(first.get().version()).isIn(1L, 2L);
        awaitUpdates(2);
        open.get().onNext(message(3, false, "bob"));
        awaitUpdates(3);

        assertThat(connections.get()).isEqualTo(2);
        assertThat(updates).extracting(u -> u.state().version()).containsExactly(1L, 2L, 3L);
        assertThat(updates.get(1).state().inputs())
                .extracting(i -> i.userId())
                .containsExactly("alice", "bob");
        assertThat(updates.get(2).state().snapshot()).isFalse();
        assertThat(updates).allSatisfy(u -> assertThat(u.room()).isEqualTo(ROOM));
        assertThat(feed.watched()).extracting(RoomFeed.Watched::room).containsExactly(ROOM);
    }

    @Test
    void aStateTheServiceCouldNotApplyIsHandedOverAgain() throws Exception {
        breakFirst = false;
        AtomicInteger attempts = new AtomicInteger();
        GrpcRoomFeed flaky =
                new GrpcRoomFeed(
                        RecordingServiceGrpc.newStub(channel),
                        update -> {
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("database away");
                            }
                            updates.add(update);
                        },
                        Duration.ofMillis(50),
                        Duration.ofMillis(200),
                        Clock.systemUTC());
        try {
            flaky.watch(APP, ROOM);
            awaitUpdates(1);
        } finally {
            flaky.close();
        }

        assertThat(attempts.get()).isEqualTo(2);
        assertThat(updates).extracting(u -> u.state().version()).containsExactly(2L);
    }

    @Test
    void unwatchingCancelsTheStream() throws Exception {
        feed.watch(APP, ROOM);
        awaitUpdates(2);

        feed.unwatch(APP, ROOM);

        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.watched()).isEmpty();
    }

    @Test
    void backOffDoublesUpToItsMaximumWithAtMostATwentiethPercentJitter() {
        assertThat(feed.backoff(1).toMillis()).isBetween(50L, 60L);
        assertThat(feed.backoff(2).toMillis()).isBetween(100L, 120L);
        assertThat(feed.backoff(30).toMillis()).isBetween(200L, 240L);
    }

    private void awaitUpdates(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (updates.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(updates).hasSizeGreaterThanOrEqualTo(count);
    }

    private static WatchRoomStreamsResponse message(
            long version, boolean snapshot, String... users) {
        RoomStreams.Builder room =
                RoomStreams.newBuilder().setSdkAppId(APP).setRoomId(1234).setVersion(version);
        for (String user : users) {
            room.addStreams(
                    RoomStream.newBuilder()
                            .setUserId(user)
                            .setStreamType(StreamType.STREAM_TYPE_MAIN)
                            .setStreamId(APP + "_1234_" + user + "_main")
                            .setHasAudio(true)
                            .setHasVideo(true)
                            .setWidth(640)
                            .setHeight(360));
        }
        return WatchRoomStreamsResponse.newBuilder().setRoom(room).setSnapshot(snapshot).build();
    }
}
