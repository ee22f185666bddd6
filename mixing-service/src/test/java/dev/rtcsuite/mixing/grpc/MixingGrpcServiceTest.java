package dev.rtcsuite.mixing.grpc;

import static dev.rtcsuite.mixing.grpc.Requests.newApp;
import static dev.rtcsuite.mixing.grpc.Requests.newRoom;
import static dev.rtcsuite.mixing.grpc.Requests.start;
import static dev.rtcsuite.mixing.grpc.Requests.stop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import dev.rtcsuite.mixing.client.AppStanding;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.testing.FakeRoomFeed;
import dev.rtcsuite.mixing.v1.AudioCodec;
import dev.rtcsuite.mixing.v1.DescribeMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.LayoutParams;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.ListMixSessionsRequest;
import dev.rtcsuite.mixing.v1.MixEndReason;
import dev.rtcsuite.mixing.v1.MixSession;
import dev.rtcsuite.mixing.v1.MixSessionState;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc.MixingServiceBlockingStub;
import dev.rtcsuite.mixing.v1.OutputParams;
import dev.rtcsuite.mixing.v1.PresetLayoutConfig;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeResponse;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC M-1, M-3 through the gRPC API: sessions per room (numeric and string), replacement by a
 * second Start, Stop and Describe with end reasons, validation that names every bad field with its
 * TRTC code and changes nothing, and the refusals of an app out of service or a client-mixed room.
 */
@QuarkusTest
class MixingGrpcServiceTest {

    @GrpcClient MixingServiceBlockingStub mixing;
    @Inject FakeRoomFeed rooms;
    @InjectMock AppStanding standing;

    private final long app = newApp();
    private final int room = newRoom();

    @BeforeEach
    void appInServiceWithTwoAnchors() {
        when(standing.of(anyLong()))
                .thenAnswer(
                        call ->
                                Optional.of(
                                        new AppStanding.Standing(
                                                call.getArgument(0), true, "NONE")));
        rooms.publish(
                app,
                Room.numeric(room),
                MixInput.camera("alice", 1280, 720),
                MixInput.camera("bob", 640, 360));
    }

    @org.junit.jupiter.api.AfterEach
    void stopWhatIsLive() {
        Sessions.stopIfLive(mixing, app, room);
    }

    @Test
    void startCreatesTheRoomsSessionLaidOutForItsStreams() {
        StartMCUMixTranscodeResponse started =
                mixing.startMCUMixTranscode(start(app, room).build());

        MixSession session = started.getSession();
        assertThat(started.getCreated()).isTrue();
        assertThat(session.getState()).isEqualTo(MixSessionState.MIX_SESSION_STATE_STARTING);
        assertThat(session.getRoomId()).isEqualTo(room);
        assertThat(session.getConfigVersion()).isEqualTo(1);
        assertThat(session.getEncodeParams().getAudioSampleRate())
                .as("defaults filled in")
                .isEqualTo(48_000);
        assertThat(session.getLayout().getRegionsList())
                .extracting(r -> r.getUserId(), r -> r.getWidth(), r -> r.getHeight())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alice", 1280, 720),
                        org.assertj.core.groups.Tuple.tuple("bob", 301, 169));
        assertThat(session.getLayout().getRenderPlan()).contains("[vout]").contains("[aout]");
        assertThat(session.getOutputsList())
                .singleElement()
                .satisfies(o -> assertThat(o.getStreamId()).isEqualTo("mix_" + room));
        assertThat(rooms.isWatched(app, Room.numeric(room))).isTrue();
    }

    @Test
    void aSecondStartReplacesTheConfigurationAndRelaysOutAtOnce() {
        String first =
                mixing.startMCUMixTranscode(start(app, room).build()).getSession().getSessionId();

        StartMCUMixTranscodeResponse second =
                mixing.startMCUMixTranscode(
                        start(app, room)
                                .setLayoutParams(
                                        LayoutParams.newBuilder()
                                                .setTemplate(LayoutTemplate.LAYOUT_TEMPLATE_GRID))
                                .build());

        assertThat(second.getCreated()).isFalse();
        assertThat(second.getSession().getSessionId()).isEqualTo(first);
        assertThat(second.getSession().getConfigVersion()).isEqualTo(2);
        assertThat(second.getSession().getLayout().getVersion()).isEqualTo(2);
        assertThat(second.getSession().getLayout().getRegionsList())
                .extracting(r -> r.getWidth())
                .containsExactly(640, 640);
    }

    @Test
    void stopEndsTheSessionWhichStaysDescribableWithItsEndReason() {
        mixing.startMCUMixTranscode(start(app, room).build());

        MixSession stopped = mixing.stopMCUMixTranscode(stop(app, room)).getSession();
        MixSession described =
                mixing.describeMixTranscode(
                                DescribeMixTranscodeRequest.newBuilder()
                                        .setSdkAppId(app)
                                        .setRoomId(room)
                                        .build())
                        .getSession();
        RpcError again = RpcError.of(() -> mixing.stopMCUMixTranscode(stop(app, room)));

        assertThat(stopped.getState()).isEqualTo(MixSessionState.MIX_SESSION_STATE_ENDED);
        assertThat(stopped.getEndReason()).isEqualTo(MixEndReason.MIX_END_REASON_STOPPED);
        assertThat(stopped.getOutputsList())
                .allSatisfy(o -> assertThat(o.getStateValue()).isEqualTo(4));
        assertThat(described.getSessionId()).isEqualTo(stopped.getSessionId());
        assertThat(described.getEndReason()).isEqualTo(MixEndReason.MIX_END_REASON_STOPPED);
        assertThat(again.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(again.reason()).isEqualTo("MIX_SESSION_NOT_FOUND");
        assertThat(again.metadata())
                .containsEntry("trtcCode", "FailedOperation.MixSessionNotExist");
    }

    @Test
    void stringRoomIdsAreRoomsOfTheirOwn() {
        rooms.publish(app, Room.named(Integer.toString(room)), MixInput.camera("carol", 640, 360));

        mixing.startMCUMixTranscode(start(app, room).build());
        StartMCUMixTranscodeResponse named =
                mixing.startMCUMixTranscode(
                        start(app, room).setStrRoomId(Integer.toString(room)).build());

        assertThat(named.getCreated()).as("room \"N\" is not room N").isTrue();
        assertThat(named.getSession().getStrRoomId()).isEqualTo(Integer.toString(room));
        assertThat(named.getSession().getLayout().getRegionsList())
                .extracting(r -> r.getUserId())
                .containsExactly("carol");
        assertThat(
                        mixing.stopMCUMixTranscode(
                                        Requests.stop(app, room).toBuilder()
                                                .setStrRoomId(Integer.toString(room))
                                                .build())
                                .getSession()
                                .getSessionId())
                .isEqualTo(named.getSession().getSessionId());
    }

    @Test
    void theIssuesBadParametersAreEachNamedAndNothingIsStarted() {
        StartMCUMixTranscodeRequest bad =
                start(app, room)
                        .setEncodeParams(
                                Requests.encode720p()
                                        .setVideoWidth(1921)
                                        .setVideoFramerate(0)
                                        .setAudioCodec(AudioCodec.AUDIO_CODEC_HE_AAC_V2)
                                        .setAudioChannels(1))
                        .setLayoutParams(
                                LayoutParams.newBuilder()
                                        .setTemplate(LayoutTemplate.LAYOUT_TEMPLATE_CUSTOM)
                                        .addPresetLayoutConfig(
                                                PresetLayoutConfig.newBuilder()
                                                        .setImageWidth(640)
                                                        .setImageHeight(360)
                                                        .setLocationX(100)
                                                        .setLocationY(400)))
                        .build();

        RpcError error = RpcError.of(() -> mixing.startMCUMixTranscode(bad));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.reason()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.errorInfoCount()).isEqualTo(1);
        assertThat(error.violations())
                .containsOnlyKeys(
                        "encode_params.audio_codec",
                        "encode_params.video_width",
                        "encode_params.video_framerate",
                        "layout_params.preset_layout_config[0].location_y");
        assertThat(error.violations().get("encode_params.video_width"))
                .isEqualTo("must be 2–1920 px and even, was 1921");
        assertThat(error.metadata()).containsEntry("trtcCode", "InvalidParameter.AudioCodec");
        assertThat(
                        RpcError.of(
                                        () ->
                                                mixing.describeMixTranscode(
                                                        DescribeMixTranscodeRequest.newBuilder()
                                                                .setSdkAppId(app)
                                                                .setRoomId(room)
                                                                .build()))
                                .code())
                .as("nothing was started")
                .isEqualTo(Code.NOT_FOUND);
    }

    @Test
    void anOutputIsRequiredAndItsStreamIdMustNotBeAnAnchors() {
        RpcError none =
                RpcError.of(
                        () ->
                                mixing.startMCUMixTranscode(
                                        start(app, room)
                                                .setOutputParams(OutputParams.getDefaultInstance())
                                                .build()));
        RpcError anchors =
                RpcError.of(
                        () ->
                                mixing.startMCUMixTranscode(
                                        start(app, room)
                                                .setOutputParams(
                                                        OutputParams.newBuilder()
                                                                .setStreamId(
                                                                        app
                                                                                + "_"
                                                                                + room
                                                                                + "_alice_main"))
                                                .build()));

        assertThat(none.violations()).containsOnlyKeys("output_params");
        assertThat(none.metadata()).containsEntry("trtcCode", "MissingParameter.OutputParams");
        assertThat(anchors.violations()).containsOnlyKeys("output_params.stream_id");
        assertThat(anchors.metadata()).containsEntry("trtcCode", "InvalidParameter.StreamId");
    }

    @Test
    void anAppOutOfServiceIsRefused() {
        when(standing.of(app))
                .thenReturn(Optional.of(new AppStanding.Standing(app, false, "SUSPENDED_ARREARS")));

        RpcError error = RpcError.of(() -> mixing.startMCUMixTranscode(start(app, room).build()));

        assertThat(error.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(error.reason()).isEqualTo("ACCOUNT_NOT_IN_SERVICE");
        assertThat(error.metadata())
                .containsEntry("statusReason", "SUSPENDED_ARREARS")
                .containsEntry("trtcCode", "FailedOperation.RequestRejection");
    }

    @Test
    void aRoomMixedByTheClientSdkIsRefused() {
        rooms.clientMix(app, Room.numeric(room));

        RpcError error = RpcError.of(() -> mixing.startMCUMixTranscode(start(app, room).build()));

        assertThat(error.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(error.reason()).isEqualTo("CLIENT_MIX_CONFLICT");
        assertThat(error.metadata()).containsEntry("trtcCode", "FailedOperation.RequestRejection");
    }

    @Test
    void aRetryWithTheSameRequestIdReturnsTheFirstAnswer() {
        StartMCUMixTranscodeRequest request = start(app, room).build();

        StartMCUMixTranscodeResponse first = mixing.startMCUMixTranscode(request);
        StartMCUMixTranscodeResponse retry = mixing.startMCUMixTranscode(request);

        assertThat(retry).isEqualTo(first);
        assertThat(
                        mixing.describeMixTranscode(
                                        DescribeMixTranscodeRequest.newBuilder()
                                                .setSessionId(first.getSession().getSessionId())
                                                .build())
                                .getSession()
                                .getConfigVersion())
                .isEqualTo(1);
    }

    @Test
    void listIsNewestFirstAndPaged() {
        int second = newRoom();
        int third = newRoom();
        rooms.known(app, Room.numeric(second));
        rooms.known(app, Room.numeric(third));
        mixing.startMCUMixTranscode(start(app, room).build());
        mixing.startMCUMixTranscode(start(app, second).build());
        mixing.startMCUMixTranscode(start(app, third).build());
        mixing.stopMCUMixTranscode(stop(app, second));

        var page1 =
                mixing.listMixSessions(
                        ListMixSessionsRequest.newBuilder()
                                .setSdkAppId(app)
                                .setPageSize(2)
                                .build());
        var page2 =
                mixing.listMixSessions(
                        ListMixSessionsRequest.newBuilder()
                                .setSdkAppId(app)
                                .setPageSize(2)
                                .setPageToken(page1.getNextPageToken())
                                .build());
        var ended =
                mixing.listMixSessions(
                        ListMixSessionsRequest.newBuilder()
                                .setSdkAppId(app)
                                .addStates(MixSessionState.MIX_SESSION_STATE_ENDED)
                                .build());

        assertThat(page1.getSessionsList())
                .extracting(MixSession::getRoomId)
                .containsExactly(third, second);
        assertThat(page2.getSessionsList()).extracting(MixSession::getRoomId).containsExactly(room);
        assertThat(page2.getNextPageToken()).isEmpty();
        assertThat(ended.getSessionsList())
                .extracting(MixSession::getRoomId)
                .containsExactly(second);
    }
}
