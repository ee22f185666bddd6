package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.Values;
import dev.rtcsuite.admin.parse.Inputs;
import dev.rtcsuite.admin.parse.Inputs.Size;
import dev.rtcsuite.common.v1.VideoCodec;
import dev.rtcsuite.mixing.v1.ComputedLayout;
import dev.rtcsuite.mixing.v1.DescribeMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.DescribeMixTranscodeResponse;
import dev.rtcsuite.mixing.v1.EncodeParams;
import dev.rtcsuite.mixing.v1.MixInput;
import dev.rtcsuite.mixing.v1.MixSession;
import dev.rtcsuite.mixing.v1.MixSessionState;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc;
import dev.rtcsuite.mixing.v1.OutputParams;
import dev.rtcsuite.mixing.v1.PreviewLayoutRequest;
import dev.rtcsuite.mixing.v1.PreviewLayoutResponse;
import dev.rtcsuite.mixing.v1.PublishCdnParams;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeResponse;
import dev.rtcsuite.mixing.v1.StopMCUMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.StopMCUMixTranscodeResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** MCU mix-transcode sessions in mixing-service. */
@Command(
        name = "mix",
        description = "MCU mix-transcode sessions and layout previews (mixing-service).",
        subcommands = {
            MixCommands.Start.class,
            MixCommands.Stop.class,
            MixCommands.Describe.class,
            MixCommands.Preview.class
        })
public class MixCommands {

    @Command(
            name = "start",
            description =
                    "Start mixing a room (StartMCUMixTranscode), or replace its session's whole"
                            + " configuration. --png saves the session's layout as a picture.")
    public static class Start extends MutatingCommand {

        @Option(names = "--app", required = true, paramLabel = "SDK_APP_ID")
        long sdkAppId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        RoomOptions room;

        @Option(names = "--record-id", paramLabel = "ID", description = "record the mix")
        String recordId;

        @Option(names = "--stream-id", paramLabel = "ID", description = "relay the mix to the CDN")
        String streamId;

        @Option(
                names = "--cdn-url",
                paramLabel = "URL",
                description = "repeatable: third-party CDN")
        List<String> cdnUrls = List.of();

        @Option(names = "--audio-only", description = "audio-only output (PureAudioStream)")
        boolean audioOnly;

        @Option(names = "--record-audio-only", description = "record audio only")
        boolean recordAudioOnly;

        @Option(
                names = "--canvas",
                paramLabel = "WxH",
                defaultValue = "1280x720",
                description = "video size (default ${DEFAULT-VALUE})")
        Size canvas;

        @Option(names = "--video-bitrate", paramLabel = "KBPS", defaultValue = "1500")
        int videoBitrate;

        @Option(names = "--fps", paramLabel = "1-60", defaultValue = "15")
        int framerate;

        @Option(names = "--codec", paramLabel = "H264|H265", description = "default H264")
        VideoCodec codec;

        @Option(
                names = "--background-color",
                paramLabel = "RRGGBB",
                converter = ColorConverter.class,
                description = "hex, e.g. 1a1a1a")
        Integer backgroundColor;

        @Mixin LayoutOptions layout;

        @Option(names = "--png", paramLabel = "FILE", description = "save the layout as a PNG")
        Path png;

        @Option(
                names = "--wait",
                description = "wait (up to --timeout) until an MCU worker reports the mix ACTIVE")
        boolean await;

        @Override
        protected void execute() throws IOException, InterruptedException {
            if (audioOnly && png != null) {
                throw usage("--png: an audio-only mix has no picture");
            }
            StartMCUMixTranscodeRequest.Builder request =
                    StartMCUMixTranscodeRequest.newBuilder()
                            .setRequestId(requestId())
                            .setSdkAppId(sdkAppId)
                            .setOutputParams(outputParams())
                            .setEncodeParams(encodeParams())
                            .setLayoutParams(layout.toParams());
            room.applyTo(request::setRoomId, request::setStrRoomId);
            if (!cdnUrls.isEmpty()) {
                request.setPublishCdnParams(
                        PublishCdnParams.newBuilder().addAllPublishCdnUrls(cdnUrls));
            }
            output().progress("starting the mix…");
            StartMCUMixTranscodeResponse response =
                    call(
                            Service.MIXING,
                            MixingServiceGrpc::newBlockingStub,
                            mixing -> mixing.startMCUMixTranscode(request.build()));
            MixSession session = response.getSession();
            if (await) {
                session = awaitActive(session);
            }
            if (png != null) {
                savePng(this, session.getLayout(), session.getLayoutParams(), png);
            }
            MixSession shown = session;
            output().result(
                            response.toBuilder().setSession(shown),
                            () ->
                                    (response.getCreated() ? "started" : "updated")
                                            + " the mix of room "
                                            + RoomOptions.describe(
                                                    shown.getRoomId(), shown.getStrRoomId())
                                            + "\n"
                                            + MixView.session(shown));
        }

        private OutputParams outputParams() {
            OutputParams.Builder output =
                    OutputParams.newBuilder()
                            .setPureAudioStream(audioOnly)
                            .setRecordAudioOnly(recordAudioOnly);
            if (recordId != null) {
                output.setRecordId(recordId);
            }
            if (streamId != null) {
                output.setStreamId(streamId);
            }
            return output.build();
        }

        private EncodeParams encodeParams() {
            EncodeParams.Builder encode = EncodeParams.newBuilder();
            if (!audioOnly) {
                encode.setVideoWidth(canvas.width())
                        .setVideoHeight(canvas.height())
                        .setVideoBitrate(videoBitrate)
                        .setVideoFramerate(framerate);
            }
            if (codec != null) {
                encode.setVideoCodec(codec);
            }
            if (backgroundColor != null) {
                encode.setBackgroundColor(backgroundColor);
            }
            return encode.build();
        }

        private MixSession awaitActive(MixSession session) throws InterruptedException {
            Instant deadline = Instant.now().plus(cli().timeout());
            MixSession current = session;
            while (current.getState() == MixSessionState.MIX_SESSION_STATE_STARTING
                    && Instant.now().isBefore(deadline)) {
                output().progress("session " + current.getSessionId() + " STARTING, waiting…");
                Thread.sleep(1000);
                String sessionId = current.getSessionId();
                current =
                        call(
                                        Service.MIXING,
                                        MixingServiceGrpc::newBlockingStub,
                                        mixing ->
                                                mixing.describeMixTranscode(
                                                        DescribeMixTranscodeRequest.newBuilder()
                                                                .setSessionId(sessionId)
                                                                .build()))
                                .getSession();
            }
            output().progress(
                            "session "
                                    + current.getSessionId()
                                    + " "
                                    + Values.enumValue(current.getState()));
            return current;
        }
    }

    @Command(name = "stop", description = "Stop the room's mix and its outputs.")
    public static class Stop extends MutatingCommand {

        @Option(names = "--app", required = true, paramLabel = "SDK_APP_ID")
        long sdkAppId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        RoomOptions room;

        @Override
        protected void execute() {
            StopMCUMixTranscodeRequest.Builder request =
                    StopMCUMixTranscodeRequest.newBuilder()
                            .setRequestId(requestId())
                            .setSdkAppId(sdkAppId);
            room.applyTo(request::setRoomId, request::setStrRoomId);
            StopMCUMixTranscodeResponse response =
                    call(
                            Service.MIXING,
                            MixingServiceGrpc::newBlockingStub,
                            mixing -> mixing.stopMCUMixTranscode(request.build()));
            output().result(response, () -> "stopped\n" + MixView.session(response.getSession()));
        }
    }

    @Command(
            name = "describe",
            description = "Show the room's live mix (else its last one), or one session by id.")
    public static class Describe extends AdminCommand {

        @Option(names = "--app", paramLabel = "SDK_APP_ID")
        long sdkAppId;

        @ArgGroup(exclusive = true)
        RoomOptions room;

        @Option(names = "--session", paramLabel = "SESSION_ID")
        String sessionId;

        @Option(names = "--png", paramLabel = "FILE", description = "save the layout as a PNG")
        Path png;

        @Override
        protected void execute() throws IOException {
            DescribeMixTranscodeRequest.Builder request =
                    DescribeMixTranscodeRequest.newBuilder().setSdkAppId(sdkAppId);
            if (room != null) {
                room.applyTo(request::setRoomId, request::setStrRoomId);
            }
            if (sessionId != null) {
                request.setSessionId(sessionId);
            }
            DescribeMixTranscodeResponse response =
                    call(
                            Service.MIXING,
                            MixingServiceGrpc::newBlockingStub,
                            mixing -> mixing.describeMixTranscode(request.build()));
            MixSession session = response.getSession();
            if (png != null) {
                savePng(this, session.getLayout(), session.getLayoutParams(), png);
            }
            output().result(response, () -> MixView.session(session));
        }
    }

    @Command(
            name = "preview",
            description =
                    "Compute a layout without a session (PreviewLayout) and save its PNG. With"
                            + " --json the response is printed without its png bytes.")
    public static class Preview extends AdminCommand {

        @Option(
                names = "--input",
                required = true,
                paramLabel = "USER[:main|:aux][:WxH|:audio]",
                description =
                        "repeatable, in room-entry order; a bare USER is a 1280x720 camera with"
                                + " audio")
        List<MixInput> inputs;

        @Option(names = "--canvas", paramLabel = "WxH", defaultValue = "1280x720")
        Size canvas;

        @Option(
                names = "--background-color",
                paramLabel = "RRGGBB",
                defaultValue = "000000",
                converter = ColorConverter.class)
        int backgroundColor;

        @Mixin LayoutOptions layout;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "PNG file")
        Path out;

        @Override
        protected void execute() throws IOException {
            PreviewLayoutRequest request =
                    PreviewLayoutRequest.newBuilder()
                            .setLayoutParams(layout.toParams())
                            .setCanvasWidth(canvas.width())
                            .setCanvasHeight(canvas.height())
                            .setBackgroundColor(backgroundColor)
                            .addAllInputs(inputs)
                            .build();
            PreviewLayoutResponse response =
                    call(
                            Service.MIXING,
                            MixingServiceGrpc::newBlockingStub,
                            mixing -> mixing.previewLayout(request));
            Files.write(out, response.getPng().toByteArray());
            output().result(
                            response.toBuilder().clearPng(),
                            () ->
                                    MixView.layout(response.getLayout())
                                            + "wrote "
                                            + out
                                            + " ("
                                            + response.getPng().size()
                                            + " bytes)\n");
        }
    }

    /** --background-color as an RRGGBB colour. */
    public static final class ColorConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                return Inputs.color(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * The PNG of a session's current layout: the same canvas, parameters and inputs given to
     * PreviewLayout, which draws it.
     */
    static void savePng(
            AdminCommand command,
            ComputedLayout layout,
            dev.rtcsuite.mixing.v1.LayoutParams params,
            Path file)
            throws IOException {
        if (layout.getCanvasWidth() == 0) {
            command.output().progress("no PNG: the mix is audio-only");
            return;
        }
        PreviewLayoutRequest.Builder request =
                PreviewLayoutRequest.newBuilder()
                        .setLayoutParams(params)
                        .setCanvasWidth(layout.getCanvasWidth())
                        .setCanvasHeight(layout.getCanvasHeight())
                        .setBackgroundColor(layout.getBackgroundColor())
                        .setBackgroundImageUrl(layout.getBackgroundImageUrl());
        for (MixInput input : layout.getInputsList()) {
            request.addInputs(input.toBuilder().clearAudioMixed().clearVideoMixed());
        }
        PreviewLayoutResponse preview =
                command.call(
                        Service.MIXING,
                        MixingServiceGrpc::newBlockingStub,
                        mixing -> mixing.previewLayout(request.build()));
        Files.write(file, preview.getPng().toByteArray());
        command.output().progress("wrote " + file + " (" + preview.getPng().size() + " bytes)");
    }
}
