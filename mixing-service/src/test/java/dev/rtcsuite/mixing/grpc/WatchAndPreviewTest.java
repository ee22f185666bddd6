package dev.rtcsuite.mixing.grpc;

import static dev.rtcsuite.mixing.grpc.Requests.newApp;
import static dev.rtcsuite.mixing.grpc.Requests.newRoom;
import static dev.rtcsuite.mixing.grpc.Requests.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.mixing.client.AppStanding;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.testing.FakeRoomFeed;
import dev.rtcsuite.mixing.v1.LayoutParams;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.MixSessionState;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc.MixingServiceBlockingStub;
import dev.rtcsuite.mixing.v1.PreviewLayoutRequest;
import dev.rtcsuite.mixing.v1.PreviewLayoutResponse;
import dev.rtcsuite.mixing.v1.WatchMixSessionsRequest;
import dev.rtcsuite.mixing.v1.WatchMixSessionsResponse;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Context;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WatchMixSessions for MCU workers, and PreviewLayout without a session (SPEC M-4). */
@QuarkusTest
class WatchAndPreviewTest {

    @GrpcClient MixingServiceBlockingStub mixing;
    @Inject FakeRoomFeed rooms;
    @InjectMock AppStanding standing;

    private final long app = newApp();
    private final int room = newRoom();

    @AfterEach
    void stopWhatIsLive() {
        Sessions.stopIfLive(mixing, app, room);
    }

    @Test
    void watchersGetTheSnapshotThenEveryChangeAndTheEndOnceMore() throws Exception {
        when(standing.of(anyLong()))
                .thenAnswer(
                        call ->
                                Optional.of(
                                        new AppStanding.Standing(
                                                call.getArgument(0), true, "NONE")));
        rooms.publish(app, Room.numeric(room), MixInput.camera("alice", 640, 360));
        String session =
                mixing.startMCUMixTranscode(start(app, room).build()).getSession().getSessionId();

        try (Context.CancellableContext call = Context.current().withCancellation()) {
            Iterator<WatchMixSessionsResponse> watch =
                    call.call(
                            () ->
                                    mixing.withDeadlineAfter(30, TimeUnit.SECONDS)
                                            .watchMixSessions(
                                                    WatchMixSessionsRequest.newBuilder()
                                                            .setSdkAppId(app)
                                                            .build()));

            WatchMixSessionsResponse snapshot = watch.next();
            rooms.publish(
                    app,
                    Room.numeric(room),
                    MixInput.camera("alice", 640, 360),
                    MixInput.camera("bob", 640, 360));
            WatchMixSessionsResponse relaid =
                    until(watch, m -> m.getSession().getLayout().getVersion() == 2);
            mixing.stopMCUMixTranscode(Requests.stop(app, room));
            WatchMixSessionsResponse ended =
                    until(
                            watch,
                            m ->
                                    m.getSession().getState()
                                                    != MixSessionState.MIX_SESSION_STATE_ACTIVE
                                            && m.getSession().getState()
                                                    != MixSessionState.MIX_SESSION_STATE_STARTING);

            assertThat(snapshot.getSnapshot()).isTrue();
            assertThat(snapshot.getSession().getSessionId()).isEqualTo(session);
            assertThat(relaid.getSnapshot()).isFalse();
            assertThat(relaid.getSession().getLayout().getVersion()).isEqualTo(2);
            assertThat(relaid.getSession().getLayout().getRegionsCount()).isEqualTo(2);
            assertThat(ended.getSession().getState())
                    .isEqualTo(MixSessionState.MIX_SESSION_STATE_ENDED);
            call.cancel(null);
        }
    }

    @Test
    void previewComputesRegionsRenderPlanAndAPngWithoutASession() throws Exception {
        PreviewLayoutResponse preview =
                mixing.previewLayout(
                        PreviewLayoutRequest.newBuilder()
                                .setCanvasWidth(1280)
                                .setCanvasHeight(720)
                                .setBackgroundColor(0x202020)
                                .setLayoutParams(
                                        LayoutParams.newBuilder()
                                                .setTemplate(LayoutTemplate.LAYOUT_TEMPLATE_GRID))
                                .addInputs(input("alice"))
                                .addInputs(input("bob"))
                                .addInputs(input("carol"))
                                .build());

        assertThat(preview.getLayout().getVersion()).isZero();
        assertThat(preview.getLayout().getRegionsList())
                .extracting(r -> r.getX(), r -> r.getY())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 0),
                        org.assertj.core.groups.Tuple.tuple(640, 0),
                        org.assertj.core.groups.Tuple.tuple(320, 360));
        assertThat(preview.getLayout().getRenderPlan()).startsWith("color=c=0x202020:s=1280x720");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(preview.getPng().toByteArray()));
        assertThat(png.getWidth()).isEqualTo(1280);
        assertThat(png.getHeight()).isEqualTo(720);
        assertThat(png.getRGB(100, 600) & 0xFFFFFF)
                .as("background beside the centred cell")
                .isEqualTo(0x202020);
    }

    @Test
    void previewValidatesLikeStart() {
        RpcError error =
                RpcError.of(
                        () ->
                                mixing.previewLayout(
                                        PreviewLayoutRequest.newBuilder()
                                                .setCanvasWidth(1921)
                                                .setCanvasHeight(720)
                                                .addInputs(input("alice"))
                                                .addInputs(input("alice"))
                                                .build()));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violatedFields()).containsExactlyInAnyOrder("canvas_width", "inputs[1]");
        assertThat(error.metadata()).containsKey("trtcCode");
    }

    /** The next message that matches; a change notice may repeat an unchanged session first. */
    private static WatchMixSessionsResponse until(
            Iterator<WatchMixSessionsResponse> watch,
            java.util.function.Predicate<WatchMixSessionsResponse> wanted) {
        for (int i = 0; i < 10; i++) {
            WatchMixSessionsResponse next = watch.next();
            assertThat(next.getSnapshot()).isFalse();
            if (wanted.test(next)) {
                return next;
            }
        }
        throw new AssertionError("the expected change never came");
    }

    private static dev.rtcsuite.mixing.v1.MixInput input(String user) {
        return dev.rtcsuite.mixing.v1.MixInput.newBuilder()
                .setUserId(user)
                .setStreamType(StreamType.STREAM_TYPE_MAIN)
                .setHasAudio(true)
                .setHasVideo(true)
                .setWidth(640)
                .setHeight(360)
                .build();
    }
}
