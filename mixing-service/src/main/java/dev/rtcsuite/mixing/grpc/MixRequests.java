package dev.rtcsuite.mixing.grpc;

import static dev.rtcsuite.mixing.domain.TrtcCodes.invalid;
import static dev.rtcsuite.mixing.domain.TrtcCodes.missing;

import com.google.protobuf.ProtocolMessageEnum;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.params.AudioCodec;
import dev.rtcsuite.mixing.domain.params.AudioSlotMode;
import dev.rtcsuite.mixing.domain.params.EncodeParams;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.LayoutTemplate;
import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.params.MixConfigRules;
import dev.rtcsuite.mixing.domain.params.MixInputType;
import dev.rtcsuite.mixing.domain.params.OutputParams;
import dev.rtcsuite.mixing.domain.params.ParamChecks;
import dev.rtcsuite.mixing.domain.params.PresetSlot;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import dev.rtcsuite.mixing.domain.params.SmallVideo;
import dev.rtcsuite.mixing.domain.params.VideoCodec;
import dev.rtcsuite.mixing.domain.params.Watermark;
import dev.rtcsuite.mixing.domain.session.WorkerEvent;
import dev.rtcsuite.mixing.v1.MixWorkerEvent;
import dev.rtcsuite.mixing.v1.PreviewLayoutRequest;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeRequest;
import dev.rtcsuite.platform.grpc.ProtoTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads requests into domain values, collecting every bad field (with its TRTC code) in one {@link
 * ParamChecks}: room and enum values here, ranges and cross-field rules in {@link MixConfigRules}.
 * TRTC codes are numbered + 1 in the proto enums; the domain enums keep TRTC's order.
 */
final class MixRequests {

    /** TRTC's string room id characters. */
    private static final Pattern STR_ROOM_ID =
            Pattern.compile("[A-Za-z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]{1,64}");

    private static final long MAX_ROOM_ID = 4_294_967_294L;
    private static final int MAX_PREVIEW_INPUTS = 50;

    private MixRequests() {}

    /** The room oneof of a request, as given: numeric, named, or absent. */
    record RoomArg(boolean given, boolean numeric, int roomId, String strRoomId) {
        static final RoomArg NONE = new RoomArg(false, false, 0, "");

        static RoomArg numeric(int roomId) {
            return new RoomArg(true, true, roomId, "");
        }

        static RoomArg named(String strRoomId) {
            return new RoomArg(true, false, 0, strRoomId);
        }
    }

    /** The app and room of a request; both required. */
    static Room room(long sdkAppId, RoomArg arg, ParamChecks checks) {
        checks.check(
                sdkAppId > 0, "sdk_app_id", "required: the app's SdkAppId", missing("SdkAppId"));
        return optionalRoom(arg, checks)
                .orElseGet(
                        () -> {
                            checks.check(
                                    false,
                                    "room",
                                    "required: room_id (1–4294967294) or str_room_id (1–64"
                                            + " characters)",
                                    missing("RoomId"));
                            return Room.numeric(1);
                        });
    }

    /** The room when one is given. */
    static Optional<Room> optionalRoom(RoomArg arg, ParamChecks checks) {
        if (!arg.given()) {
            return Optional.empty();
        }
        if (arg.numeric()) {
            long id = Integer.toUnsignedLong(arg.roomId());
            checks.check(
                    id >= 1 && id <= MAX_ROOM_ID,
                    "room_id",
                    "must be 1–4294967294, was " + id,
                    invalid("RoomId"));
            return Optional.of(Room.numeric(Math.max(id, 1)));
        }
        checks.check(
                STR_ROOM_ID.matcher(arg.strRoomId()).matches(),
                "str_room_id",
                "must be 1–64 characters of A–Z, a–z, 0–9 and  !#$%&()+-:;<=.>?@[]^_{}|~,",
                invalid("StrRoomId"));
        return Optional.of(Room.named(arg.strRoomId().isEmpty() ? "-" : arg.strRoomId()));
    }

    /** A Start's configuration, validated, defaults not yet filled in. */
    static MixConfig config(StartMCUMixTranscodeRequest request, ParamChecks checks) {
        checks.check(
                request.hasEncodeParams(), "encode_params", "required", missing("EncodeParams"));
        var output = request.getOutputParams();
        MixConfig config =
                new MixConfig(
                        new OutputParams(
                                output.getStreamId(),
                                output.getPureAudioStream(),
                                output.getRecordId(),
                                output.getRecordAudioOnly()),
                        encode(request.getEncodeParams(), checks),
                        request.hasLayoutParams()
                                ? layout(request.getLayoutParams(), checks)
                                : LayoutParams.DEFAULT,
                        request.getPublishCdnParams().getPublishCdnUrlsList());
        MixConfigRules.check(config, checks);
        return config;
    }

    /** A preview's layout on its canvas, validated. */
    static LayoutParams preview(PreviewLayoutRequest request, ParamChecks checks) {
        LayoutParams layout = layout(request.getLayoutParams(), checks);
        MixConfigRules.checkPreview(
                request.getCanvasWidth(),
                request.getCanvasHeight(),
                request.getBackgroundColor(),
                request.getBackgroundImageUrl(),
                layout,
                checks);
        return layout;
    }

    static List<MixInput> previewInputs(
            List<dev.rtcsuite.mixing.v1.MixInput> inputs, ParamChecks checks) {
        checks.check(
                inputs.size() <= MAX_PREVIEW_INPUTS,
                "inputs",
                "must be 0–" + MAX_PREVIEW_INPUTS + " streams, was " + inputs.size(),
                invalid("Inputs"));
        List<MixInput> result = new ArrayList<>();
        Set<StreamKey> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            var input = inputs.get(i);
            String at = "inputs[" + i + "]";
            StreamType type = streamType(input.getStreamTypeValue(), at + ".stream_type", checks);
            checks.check(
                    MixConfigRules.userId(input.getUserId()),
                    at + ".user_id",
                    "must be 1–32 characters",
                    invalid("Inputs"));
            checks.check(
                    seen.add(new StreamKey(input.getUserId(), type)),
                    at,
                    "the same user_id and stream_type appear twice",
                    invalid("Inputs"));
            result.add(
                    new MixInput(
                            input.getUserId(),
                            type,
                            input.getHasAudio(),
                            input.getHasVideo(),
                            ParamChecks.clamp(input.getWidth()),
                            ParamChecks.clamp(input.getHeight())));
        }
        return result;
    }

    static WorkerEvent workerEvent(MixWorkerEvent event, ParamChecks checks) {
        String at = "event.";
        checks.check(
                between(event.getEventId(), 1, 128),
                at + "event_id",
                "must be 1–128 characters",
                missing("EventId"));
        checks.check(
                !event.getSessionId().isEmpty(),
                at + "session_id",
                "required",
                missing("SessionId"));
        checks.check(
                between(event.getWorkerId(), 1, 128),
                at + "worker_id",
                "must be 1–128 characters",
                missing("WorkerId"));
        checks.check(
                event.getErrorMessage().length() <= 1024,
                at + "error_message",
                "must be 0–1024 characters",
                invalid("ErrorMessage"));
        checks.check(event.hasEventTime(), at + "event_time", "required", missing("EventTime"));
        checks.check(
                event.getConfigVersion() >= 1,
                at + "config_version",
                "must be ≥ 1 (the session's config_version)",
                invalid("ConfigVersion"));
        WorkerEvent.Kind kind =
                switch (event.getKindValue()) {
                    case 1 -> WorkerEvent.Kind.MIXING_STARTED;
                    case 2 -> WorkerEvent.Kind.OUTPUT_STARTED;
                    case 3 -> WorkerEvent.Kind.OUTPUT_FAILED;
                    case 4 -> WorkerEvent.Kind.SESSION_FAILED;
                    default -> null;
                };
        checks.check(
                kind != null,
                at + "kind",
                "must be MIXING_STARTED, OUTPUT_STARTED, OUTPUT_FAILED or SESSION_FAILED",
                invalid("Kind"));
        return new WorkerEvent(
                event.getEventId(),
                event.getSessionId(),
                event.getConfigVersion(),
                kind == null ? WorkerEvent.Kind.MIXING_STARTED : kind,
                event.getOutputIndex(),
                event.getErrorMessage(),
                event.hasEventTime()
                        ? ProtoTime.instant(event.getEventTime())
                        : java.time.Instant.EPOCH,
                event.getWorkerId());
    }

    private static EncodeParams encode(dev.rtcsuite.mixing.v1.EncodeParams p, ParamChecks checks) {
        String at = "encode_params.";
        return new EncodeParams(
                p.getAudioSampleRate(),
                p.getAudioBitrate(),
                p.getAudioChannels(),
                known(
                        AudioCodec.values(),
                        p.getAudioCodecValue(),
                        at + "audio_codec",
                        "AudioCodec",
                        checks),
                p.getVideoWidth(),
                p.getVideoHeight(),
                p.getVideoBitrate(),
                p.getVideoFramerate(),
                p.getVideoGop(),
                known(
                        VideoCodec.values(),
                        p.getVideoCodecValue(),
                        at + "video_codec",
                        "VideoCodec",
                        checks),
                p.getBackgroundColor(),
                p.getBackgroundImageUrl(),
                p.getBackgroundImageId());
    }

    private static LayoutParams layout(dev.rtcsuite.mixing.v1.LayoutParams p, ParamChecks checks) {
        String at = "layout_params.";
        LayoutTemplate template =
                known(
                        LayoutTemplate.values(),
                        p.getTemplateValue(),
                        at + "template",
                        "Template",
                        checks);
        StreamType mainType =
                streamType(p.getMainVideoStreamTypeValue(), at + "main_video_stream_type", checks);
        Optional<SmallVideo> small = Optional.empty();
        if (p.hasSmallVideoLayoutParams()) {
            var s = p.getSmallVideoLayoutParams();
            small =
                    Optional.of(
                            new SmallVideo(
                                    new StreamKey(
                                            s.getUserId(),
                                            streamType(
                                                    s.getStreamTypeValue(),
                                                    at + "small_video_layout_params.stream_type",
                                                    checks)),
                                    new Rect(
                                            s.getLocationX(),
                                            s.getLocationY(),
                                            s.getImageWidth(),
                                            s.getImageHeight())));
        }
        List<PresetSlot> presets = new ArrayList<>();
        for (int i = 0; i < p.getPresetLayoutConfigCount(); i++) {
            var c = p.getPresetLayoutConfig(i);
            String entry = at + "preset_layout_config[" + i + "].";
            presets.add(
                    new PresetSlot(
                            c.getUserId(),
                            streamType(c.getStreamTypeValue(), entry + "stream_type", checks),
                            new Rect(
                                    c.getLocationX(),
                                    c.getLocationY(),
                                    c.getImageWidth(),
                                    c.getImageHeight()),
                            c.getZOrder(),
                            known(
                                    RenderMode.values(),
                                    c.getRenderModeValue(),
                                    entry + "render_mode",
                                    "PresetLayoutConfig",
                                    checks),
                            known(
                                    MixInputType.values(),
                                    c.getMixInputTypeValue(),
                                    entry + "mix_input_type",
                                    "PresetLayoutConfig",
                                    checks),
                            c.getPlaceImageUrl()));
        }
        Optional<Watermark> watermark = Optional.empty();
        if (p.hasWaterMarkParams()) {
            var w = p.getWaterMarkParams();
            watermark =
                    Optional.of(
                            new Watermark(
                                    w.getWaterMarkUrl(),
                                    new Rect(
                                            w.getLocationX(),
                                            w.getLocationY(),
                                            w.getWaterMarkWidth(),
                                            w.getWaterMarkHeight())));
        }
        return new LayoutParams(
                template,
                p.getMainVideoUserId(),
                mainType,
                small,
                p.getMainVideoRightAlign(),
                p.getMixVideoUidsList(),
                presets,
                p.getPlaceHolderMode(),
                known(
                        AudioSlotMode.values(),
                        p.getPureAudioHoldPlaceModeValue(),
                        at + "pure_audio_hold_place_mode",
                        "PureAudioHoldPlaceMode",
                        checks),
                watermark);
    }

    private static StreamType streamType(int value, String field, ParamChecks checks) {
        return known(StreamType.values(), value, field, "StreamType", checks);
    }

    /**
     * The domain value of a proto enum number: UNSPECIFIED (0) is TRTC's default (the first value),
     * n is TRTC code n − 1; anything else is a violation.
     */
    static <E extends Enum<E>> E known(
            E[] values, int number, String field, String trtcField, ParamChecks checks) {
        boolean valid = number >= 0 && number <= values.length;
        checks.check(
                valid,
                field,
                "must be one of the enum's values (0 = the default), was " + number,
                invalid(trtcField));
        return valid && number > 0 ? values[number - 1] : values[0];
    }

    /** The proto number of a domain value (TRTC code + 1). */
    static int number(Enum<?> value) {
        return value.ordinal() + 1;
    }

    static <P extends ProtocolMessageEnum> int numberOf(P value) {
        return value.getNumber();
    }

    private static boolean between(String value, int min, int max) {
        return value.length() >= min && value.length() <= max;
    }
}
