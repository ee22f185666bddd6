package dev.rtcsuite.mixing.grpc;

import static dev.rtcsuite.mixing.grpc.MixRequests.number;

import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.common.v1.VideoCodec;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.MixedInput;
import dev.rtcsuite.mixing.domain.layout.Region;
import dev.rtcsuite.mixing.domain.params.EncodeParams;
import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.params.PresetSlot;
import dev.rtcsuite.mixing.domain.render.RenderPlan;
import dev.rtcsuite.mixing.domain.session.MixOutput;
import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.v1.AudioCodec;
import dev.rtcsuite.mixing.v1.ComputedLayout;
import dev.rtcsuite.mixing.v1.LayoutParams;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.MixEndReason;
import dev.rtcsuite.mixing.v1.MixInput;
import dev.rtcsuite.mixing.v1.MixInputType;
import dev.rtcsuite.mixing.v1.MixOutputKind;
import dev.rtcsuite.mixing.v1.MixOutputState;
import dev.rtcsuite.mixing.v1.MixSessionState;
import dev.rtcsuite.mixing.v1.OutputParams;
import dev.rtcsuite.mixing.v1.PresetLayoutConfig;
import dev.rtcsuite.mixing.v1.PublishCdnParams;
import dev.rtcsuite.mixing.v1.PureAudioHoldPlaceMode;
import dev.rtcsuite.mixing.v1.RenderMode;
import dev.rtcsuite.mixing.v1.SmallVideoLayoutParams;
import dev.rtcsuite.mixing.v1.WaterMarkParams;
import dev.rtcsuite.platform.grpc.ProtoTime;
import java.time.Instant;

/** Domain sessions and layouts → mixing.v1 messages. */
final class MixingProtoMapper {

    private MixingProtoMapper() {}

    static dev.rtcsuite.mixing.v1.MixSession session(MixSession session) {
        MixConfig config = session.config();
        dev.rtcsuite.mixing.v1.MixSession.Builder proto =
                dev.rtcsuite.mixing.v1.MixSession.newBuilder()
                        .setSessionId(session.id())
                        .setSdkAppId(session.sdkAppId())
                        .setState(MixSessionState.forNumber(number(session.state())))
                        .setFailureMessage(session.failureMessage())
                        .setOutputParams(output(config))
                        .setEncodeParams(encode(config.encode()))
                        .setLayoutParams(layout(config.layout()))
                        .setLayout(
                                layout(
                                        session.layout(),
                                        session.renderPlan(),
                                        session.layoutVersion(),
                                        session.layoutTime()))
                        .setConfigVersion(session.configVersion())
                        .setCreateTime(ProtoTime.timestamp(session.createTime()))
                        .setUpdateTime(ProtoTime.timestamp(session.updateTime()));
        Room room = session.room();
        if (room.isNumeric()) {
            proto.setRoomId((int) room.numericId());
        } else {
            proto.setStrRoomId(room.stringId());
        }
        session.endReason().ifPresent(r -> proto.setEndReason(MixEndReason.forNumber(number(r))));
        session.endTime().ifPresent(t -> proto.setEndTime(ProtoTime.timestamp(t)));
        if (!config.cdnUrls().isEmpty()) {
            proto.setPublishCdnParams(
                    PublishCdnParams.newBuilder().addAllPublishCdnUrls(config.cdnUrls()));
        }
        session.outputs().forEach(o -> proto.addOutputs(output(o)));
        return proto.build();
    }

    static ComputedLayout layout(
            Layout layout, RenderPlan plan, long version, Instant computeTime) {
        ComputedLayout.Builder proto =
                ComputedLayout.newBuilder()
                        .setCanvasWidth(layout.canvas().width())
                        .setCanvasHeight(layout.canvas().height())
                        .setBackgroundColor(layout.canvas().backgroundColor())
                        .setBackgroundImageUrl(layout.canvas().backgroundImageUrl())
                        .setRenderPlan(plan.filterComplex())
                        .addAllRenderPlanImages(plan.images())
                        .setVersion(version)
                        .setComputeTime(ProtoTime.timestamp(computeTime));
        for (MixedInput input : layout.inputs()) {
            proto.addInputs(
                    MixInput.newBuilder()
                            .setUserId(input.input().userId())
                            .setStreamType(streamType(input.input().streamType()))
                            .setHasAudio(input.input().hasAudio())
                            .setHasVideo(input.input().hasVideo())
                            .setWidth(input.input().width())
                            .setHeight(input.input().height())
                            .setAudioMixed(input.audioMixed())
                            .setVideoMixed(input.videoMixed()));
        }
        for (Region region : layout.regions()) {
            proto.addRegions(
                    dev.rtcsuite.mixing.v1.Region.newBuilder()
                            .setUserId(region.userId())
                            .setStreamType(streamType(region.streamType()))
                            .setX(region.rect().x())
                            .setY(region.rect().y())
                            .setWidth(region.rect().width())
                            .setHeight(region.rect().height())
                            .setZ(region.z())
                            .setRenderMode(RenderMode.forNumber(number(region.renderMode())))
                            .setMixVideo(region.mixVideo())
                            .setPlaceholder(region.placeholder())
                            .setPlaceImageUrl(region.placeImageUrl()));
        }
        return proto.build();
    }

    private static dev.rtcsuite.mixing.v1.MixOutput output(MixOutput output) {
        dev.rtcsuite.mixing.v1.MixOutput.Builder proto =
                dev.rtcsuite.mixing.v1.MixOutput.newBuilder()
                        .setKind(MixOutputKind.forNumber(number(output.kind())))
                        .setAudioOnly(output.audioOnly())
                        .setState(MixOutputState.forNumber(number(output.state())))
                        .setFailureMessage(output.failureMessage());
        switch (output.kind()) {
            case RECORDING ->
                    proto.setRecordId(output.target()).setRecordingTaskId(output.recordingTaskId());
            case CDN_RELAY -> proto.setStreamId(output.target());
            case THIRD_PARTY_CDN -> proto.setPublishCdnUrl(output.target());
        }
        return proto.build();
    }

    private static OutputParams output(MixConfig config) {
        var output = config.output();
        return OutputParams.newBuilder()
                .setStreamId(output.streamId())
                .setPureAudioStream(output.pureAudioStream())
                .setRecordId(output.recordId())
                .setRecordAudioOnly(output.recordAudioOnly())
                .build();
    }

    private static dev.rtcsuite.mixing.v1.EncodeParams encode(EncodeParams encode) {
        return dev.rtcsuite.mixing.v1.EncodeParams.newBuilder()
                .setAudioSampleRate(encode.audioSampleRate())
                .setAudioBitrate(encode.audioBitrate())
                .setAudioChannels(encode.audioChannels())
                .setAudioCodec(AudioCodec.forNumber(number(encode.audioCodec())))
                .setVideoWidth(encode.videoWidth())
                .setVideoHeight(encode.videoHeight())
                .setVideoBitrate(encode.videoBitrate())
                .setVideoFramerate(encode.videoFramerate())
                .setVideoGop(encode.videoGop())
                .setVideoCodec(VideoCodec.forNumber(number(encode.videoCodec())))
                .setBackgroundColor(encode.backgroundColor())
                .setBackgroundImageUrl(encode.backgroundImageUrl())
                .setBackgroundImageId(encode.backgroundImageId())
                .build();
    }

    private static LayoutParams layout(dev.rtcsuite.mixing.domain.params.LayoutParams layout) {
        LayoutParams.Builder proto =
                LayoutParams.newBuilder()
                        .setTemplate(LayoutTemplate.forNumber(number(layout.template())))
                        .setMainVideoUserId(layout.mainVideoUserId())
                        .setMainVideoStreamType(streamType(layout.mainVideoStreamType()))
                        .setMainVideoRightAlign(layout.mainVideoRightAlign())
                        .addAllMixVideoUids(layout.mixVideoUids())
                        .setPlaceHolderMode(layout.placeHolderMode())
                        .setPureAudioHoldPlaceMode(
                                PureAudioHoldPlaceMode.forNumber(number(layout.audioSlotMode())));
        layout.smallVideo()
                .ifPresent(
                        small ->
                                proto.setSmallVideoLayoutParams(
                                        SmallVideoLayoutParams.newBuilder()
                                                .setUserId(small.stream().userId())
                                                .setStreamType(streamType(small.stream().type()))
                                                .setImageWidth(small.rect().width())
                                                .setImageHeight(small.rect().height())
                                                .setLocationX(small.rect().x())
                                                .setLocationY(small.rect().y())));
        for (PresetSlot slot : layout.presets()) {
            proto.addPresetLayoutConfig(
                    PresetLayoutConfig.newBuilder()
                            .setUserId(slot.userId())
                            .setStreamType(streamType(slot.streamType()))
                            .setImageWidth(slot.rect().width())
                            .setImageHeight(slot.rect().height())
                            .setLocationX(slot.rect().x())
                            .setLocationY(slot.rect().y())
                            .setZOrder(slot.zOrder())
                            .setRenderMode(RenderMode.forNumber(number(slot.renderMode())))
                            .setMixInputType(MixInputType.forNumber(number(slot.inputType())))
                            .setPlaceImageUrl(slot.placeImageUrl()));
        }
        layout.watermark()
                .ifPresent(
                        mark ->
                                proto.setWaterMarkParams(
                                        WaterMarkParams.newBuilder()
                                                .setWaterMarkUrl(mark.url())
                                                .setWaterMarkWidth(mark.rect().width())
                                                .setWaterMarkHeight(mark.rect().height())
                                                .setLocationX(mark.rect().x())
                                                .setLocationY(mark.rect().y())));
        return proto.build();
    }

    private static StreamType streamType(dev.rtcsuite.mixing.domain.StreamType type) {
        return StreamType.forNumber(number(type));
    }
}
