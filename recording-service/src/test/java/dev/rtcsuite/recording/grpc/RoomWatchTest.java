package dev.rtcsuite.recording.grpc;

import static dev.rtcsuite.recording.testing.Recording.newApp;
import static dev.rtcsuite.recording.testing.Recording.newRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.testing.Recording;
import dev.rtcsuite.recording.testing.TestClock;
import dev.rtcsuite.recording.v1.MutinyRecordingServiceGrpc.MutinyRecordingServiceStub;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.RoomStream;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.recording.v1.WatchRoomStreamsRequest;
import dev.rtcsuite.recording.v1.WatchRoomStreamsResponse;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WatchRoomStreams as mixing-service's GrpcRoomFeed uses it: one room's state first (even before
 * any stream), then the full state after each stream event, in room-entry order; a dismissed room
 * is sent once more.
 */
@QuarkusTest
class RoomWatchTest {

    @GrpcClient("watcher")
    MutinyRecordingServiceStub watcher;

    @GrpcClient RecordingServiceBlockingStub stub;
    @Inject TestClock clock;
    @InjectMock AppDirectory apps;

    private final long app = newApp();
    private final int room = newRoom();
    private Recording recording;

    @BeforeEach
    void setUp() {
        Standing.everyAppInService(apps);
        recording = new Recording(stub, clock);
    }

    @Test
    void snapshotThenEveryChangeOfTheRoom() {
        AssertSubscriber<WatchRoomStreamsResponse> messages =
                watcher.watchRoomStreams(
                                WatchRoomStreamsRequest.newBuilder()
                                        .setSdkAppId(app)
                                        .setRoomId(room)
                                        .build())
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        messages.awaitItems(1, Duration.ofSeconds(10));
        assertThat(messages.getItems().getFirst().getSnapshot()).isTrue();
        assertThat(messages.getItems().getFirst().getRoom().getStreamsList()).isEmpty();

        recording.publish(app, room, "alice");
        clock.advance(Duration.ofSeconds(1));
        recording.report(
                recording
                        .event(StreamEventKind.STREAM_EVENT_KIND_PUBLISHED, app, room, "bob")
                        .setWidth(640)
                        .setHeight(360));
        messages.awaitItems(3, Duration.ofSeconds(10));
        WatchRoomStreamsResponse latest = messages.getItems().get(2);
        assertThat(latest.getSnapshot()).isFalse();
        assertThat(latest.getRoom().getStreamsList())
                .extracting(RoomStream::getUserId)
                .containsExactly("alice", "bob");
        assertThat(latest.getRoom().getStreamsList().get(1).getWidth()).isEqualTo(640);
        assertThat(latest.getRoom().getVersion()).isEqualTo(2);

        recording.report(
                recording.event(StreamEventKind.STREAM_EVENT_KIND_ROOM_DISMISSED, app, room, ""));
        messages.awaitItems(4, Duration.ofSeconds(10));
        assertThat(messages.getItems().get(3).getRoom().getDismissed()).isTrue();
        assertThat(messages.getItems().get(3).getRoom().getStreamsList()).isEmpty();
        messages.cancel();
    }
}
