package dev.rtcsuite.admin.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.testing.Cli;
import dev.rtcsuite.admin.testing.Cli.Run;
import dev.rtcsuite.admin.testing.InProcessServices;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.mixing.v1.ComputedLayout;
import dev.rtcsuite.mixing.v1.DescribeMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.DescribeMixTranscodeResponse;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.MixInput;
import dev.rtcsuite.mixing.v1.MixOutput;
import dev.rtcsuite.mixing.v1.MixOutputKind;
import dev.rtcsuite.mixing.v1.MixOutputState;
import dev.rtcsuite.mixing.v1.MixSession;
import dev.rtcsuite.mixing.v1.MixSessionState;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc;
import dev.rtcsuite.mixing.v1.PreviewLayoutRequest;
import dev.rtcsuite.mixing.v1.PreviewLayoutResponse;
import dev.rtcsuite.mixing.v1.Region;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeResponse;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `mix start`: what it sends, waiting for the worker with progress, and the layout's PNG. */
class MixCommandsTest {

    private static final ByteString PNG = ByteString.copyFromUtf8("\u0089PNG-bytes");

    private final List<StartMCUMixTranscodeRequest> starts = new ArrayList<>();
    private final List<PreviewLayoutRequest> previews = new ArrayList<>();
    private int describes;
    private final InProcessServices services =
            new InProcessServices().serve(Service.MIXING, new Mixing());

    @TempDir Path directory;

    @AfterEach
    void stop() throws InterruptedException {
        services.shutdown();
    }

    @Test
    void startSendsTheVideoEncodingAndLayoutAndSavesTheSessionsLayoutPng() throws Exception {
        Path png = directory.resolve("mix.png");

        Run run =
                Cli.run(
                        services,
                        "mix",
                        "start",
                        "--app",
                        "1400000001",
                        "--room",
                        "1234",
                        "--record-id",
                        "class-1234",
                        "--template",
                        "grid",
                        "--canvas",
                        "640x360",
                        "--background-color",
                        "#102030",
                        "--png",
                        png.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        StartMCUMixTranscodeRequest sent = starts.get(0);
        assertThat(sent.getRoomId()).isEqualTo(1234);
        assertThat(sent.getOutputParams().getRecordId()).isEqualTo("class-1234");
        assertThat(sent.getEncodeParams().getVideoWidth()).isEqualTo(640);
        assertThat(sent.getEncodeParams().getVideoHeight()).isEqualTo(360);
        assertThat(sent.getEncodeParams().getVideoBitrate()).isEqualTo(1500);
        assertThat(sent.getEncodeParams().getVideoFramerate()).isEqualTo(15);
        assertThat(sent.getEncodeParams().getBackgroundColor()).isEqualTo(0x102030);
        assertThat(sent.getLayoutParams().getTemplate())
                .isEqualTo(LayoutTemplate.LAYOUT_TEMPLATE_GRID);
        // The picture is drawn from the session's own layout: its canvas, parameters and inputs.
        PreviewLayoutRequest preview = previews.get(0);
        assertThat(preview.getCanvasWidth()).isEqualTo(640);
        assertThat(preview.getBackgroundColor()).isEqualTo(0x102030);
        assertThat(preview.getLayoutParams()).isEqualTo(sent.getLayoutParams());
        assertThat(preview.getInputsList())
                .containsExactly(
                        MixInput.newBuilder()
                                .setUserId("alice")
                                .setStreamType(StreamType.STREAM_TYPE_MAIN)
                                .setHasAudio(true)
                                .setHasVideo(true)
                                .setWidth(1280)
                                .setHeight(720)
                                .build());
        assertThat(Files.readAllBytes(png)).isEqualTo(PNG.toByteArray());
        assertThat(run.out())
                .isEqualTo(
                        """
                        started the mix of room 1234
                        session: mix-1
                        app: 1400000001
                        room: 1234
                        state: STARTING
                        output: RECORDING record_id class-1234 (STARTING)
                        layout: 640x360, 1 region
                        USER   STREAM  X  Y  WIDTH  HEIGHT  Z  VIDEO
                        alice  MAIN    0  0  640    360     0  yes
                        """);
        assertThat(run.err())
                .isEqualTo("starting the mix…\nwrote %s (%d bytes)\n".formatted(png, PNG.size()));
    }

    @Test
    void waitShowsProgressUntilTheWorkerReportsTheMixActive() {
        Run run =
                Cli.run(
                        services,
                        "mix",
                        "start",
                        "--app",
                        "1400000001",
                        "--str-room",
                        "class-a",
                        "--stream-id",
                        "mix_a",
                        "--wait");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(starts.get(0).getStrRoomId()).isEqualTo("class-a");
        assertThat(describes).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        """
                        starting the mix…
                        session mix-1 STARTING, waiting…
                        session mix-1 STARTING, waiting…
                        session mix-1 ACTIVE
                        """);
        assertThat(run.out()).contains("state: ACTIVE\n");
    }

    @Test
    void anAudioOnlyMixHasNoPictureToSave() {
        Run run =
                Cli.run(
                        services,
                        "mix",
                        "start",
                        "--app",
                        "1400000001",
                        "--room",
                        "1",
                        "--stream-id",
                        "mix_1",
                        "--audio-only",
                        "--png",
                        "x.png");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--png: an audio-only mix has no picture");
        assertThat(starts).isEmpty();
    }

    private final class Mixing extends MixingServiceGrpc.MixingServiceImplBase {

        @Override
        public void startMCUMixTranscode(
                StartMCUMixTranscodeRequest request,
                StreamObserver<StartMCUMixTranscodeResponse> answer) {
            starts.add(request);
            answer.onNext(
                    StartMCUMixTranscodeResponse.newBuilder()
                            .setSession(
                                    session(request, MixSessionState.MIX_SESSION_STATE_STARTING))
                            .setCreated(true)
                            .build());
            answer.onCompleted();
        }

        @Override
        public void describeMixTranscode(
                DescribeMixTranscodeRequest request,
                StreamObserver<DescribeMixTranscodeResponse> answer) {
            describes++;
            answer.onNext(
                    DescribeMixTranscodeResponse.newBuilder()
                            .setSession(
                                    session(
                                            starts.get(0),
                                            describes < 2
                                                    ? MixSessionState.MIX_SESSION_STATE_STARTING
                                                    : MixSessionState.MIX_SESSION_STATE_ACTIVE))
                            .build());
            answer.onCompleted();
        }

        @Override
        public void previewLayout(
                PreviewLayoutRequest request, StreamObserver<PreviewLayoutResponse> answer) {
            previews.add(request);
            answer.onNext(PreviewLayoutResponse.newBuilder().setPng(PNG).build());
            answer.onCompleted();
        }

        private static MixSession session(
                StartMCUMixTranscodeRequest request, MixSessionState state) {
            int width = request.getEncodeParams().getVideoWidth();
            int height = request.getEncodeParams().getVideoHeight();
            MixSession.Builder session =
                    MixSession.newBuilder()
                            .setSessionId("mix-1")
                            .setSdkAppId(request.getSdkAppId())
                            .setState(state)
                            .setLayoutParams(request.getLayoutParams())
                            .setLayout(
                                    ComputedLayout.newBuilder()
                                            .setCanvasWidth(width)
                                            .setCanvasHeight(height)
                                            .setBackgroundColor(
                                                    request.getEncodeParams().getBackgroundColor())
                                            .addInputs(
                                                    MixInput.newBuilder()
                                                            .setUserId("alice")
                                                            .setStreamType(
                                                                    StreamType.STREAM_TYPE_MAIN)
                                                            .setHasAudio(true)
                                                            .setHasVideo(true)
                                                            .setWidth(1280)
                                                            .setHeight(720)
                                                            .setAudioMixed(true)
                                                            .setVideoMixed(true))
                                            .addRegions(
                                                    Region.newBuilder()
                                                            .setUserId("alice")
                                                            .setStreamType(
                                                                    StreamType.STREAM_TYPE_MAIN)
                                                            .setWidth(width)
                                                            .setHeight(height)
                                                            .setMixVideo(true)));
            if (request.hasRoomId()) {
                session.setRoomId(request.getRoomId());
            } else {
                session.setStrRoomId(request.getStrRoomId());
            }
            if (!request.getOutputParams().getRecordId().isEmpty()) {
                session.addOutputs(
                        MixOutput.newBuilder()
                                .setKind(MixOutputKind.MIX_OUTPUT_KIND_RECORDING)
                                .setRecordId(request.getOutputParams().getRecordId())
                                .setState(MixOutputState.MIX_OUTPUT_STATE_STARTING));
            }
            return session.build();
        }
    }
}
