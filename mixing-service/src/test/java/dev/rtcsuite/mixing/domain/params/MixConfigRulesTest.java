package dev.rtcsuite.mixing.domain.params;

import static dev.rtcsuite.mixing.domain.params.MixConfigs.cdn720p;
import static dev.rtcsuite.mixing.domain.params.MixConfigs.encode;
import static dev.rtcsuite.mixing.domain.params.MixConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.platform.error.ErrorKind;
import dev.rtcsuite.platform.error.ServiceException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** MIXING.md "EncodeParams", "OutputParams", "LayoutParams": every range and cross-field rule. */
@DisplayName("MIXING.md parameter rules")
class MixConfigRulesTest {

    private static Map<String, String> violations(MixConfig config) {
        ParamChecks checks = new ParamChecks();
        MixConfigRules.check(config, checks);
        return checks.violations().stream()
                .collect(
                        Collectors.toMap(
                                ParamChecks.Violation::field,
                                ParamChecks.Violation::trtcCode,
                                (a, b) -> a));
    }

    @Test
    void aValidConfigurationPasses() {
        assertThat(violations(cdn720p())).isEmpty();
    }

    @Test
    void theIssuesExamplesAreEachNamedWithTheirTrtcCode() {
        MixConfig config =
                with(
                        with(cdn720p(), encode(48_000, 1, AudioCodec.HE_AAC_V2, 1921, 720, 0)),
                        LayoutParams.of(LayoutTemplate.CUSTOM)
                                .withPresets(
                                        List.of(
                                                new PresetSlot(
                                                        "",
                                                        StreamType.MAIN,
                                                        new Rect(1000, 600, 400, 200),
                                                        0,
                                                        RenderMode.CROP,
                                                        MixInputType.AUDIO_VIDEO,
                                                        "")),
                                        false));
        // The canvas is invalid (1921), so the preset is checked against the requested width.
        assertThat(violations(config))
                .containsEntry("encode_params.video_width", "InvalidParameter.VideoResolution")
                .containsEntry("encode_params.video_framerate", "InvalidParameter.VideoFramerate")
                .containsEntry("encode_params.audio_codec", "InvalidParameter.AudioCodec")
                .containsEntry(
                        "layout_params.preset_layout_config[0].location_y",
                        "InvalidParameter.PresetLayoutConfig")
                .hasSize(4);
    }

    @Test
    void presetRectanglesMustFitTheCanvasOnBothAxes() {
        MixConfig config =
                with(
                        cdn720p(),
                        LayoutParams.of(LayoutTemplate.CUSTOM)
                                .withPresets(
                                        List.of(
                                                new PresetSlot(
                                                        "",
                                                        StreamType.MAIN,
                                                        new Rect(1000, 600, 400, 200),
                                                        16,
                                                        RenderMode.CROP,
                                                        MixInputType.AUDIO_VIDEO,
                                                        "ftp://x/y.gif")),
                                        false));

        assertThat(violations(config).keySet())
                .containsExactlyInAnyOrder(
                        "layout_params.preset_layout_config[0].location_x",
                        "layout_params.preset_layout_config[0].location_y",
                        "layout_params.preset_layout_config[0].z_order",
                        "layout_params.preset_layout_config[0].place_image_url");
    }

    @Test
    void theFailureIsInvalidArgumentWithOneViolationPerFieldAndTheFirstTrtcCode() {
        ParamChecks checks = new ParamChecks();
        MixConfigRules.check(
                with(cdn720p(), encode(44_000, 3, AudioCodec.LC_AAC, 1280, 721, 61)), checks);

        ServiceException failure =
                catchThrowableOfType(ServiceException.class, checks::throwIfInvalid);

        assertThat(failure.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        assertThat(failure.reason()).isEqualTo("VALIDATION_FAILED");
        assertThat(failure.violations())
                .extracting(v -> v.field())
                .containsExactly(
                        "encode_params.audio_sample_rate",
                        "encode_params.audio_channels",
                        "encode_params.video_height",
                        "encode_params.video_framerate");
        assertThat(failure.violations().get(2).description())
                .isEqualTo("must be 2–1080 px and even, was 721");
        assertThat(failure.metadata())
                .containsEntry("trtcCode", "InvalidParameter.AudioSampleRate");
    }

    @Test
    void audioCodecCrossFieldRules() {
        assertThat(violations(with(cdn720p(), encode(8_000, 2, AudioCodec.HE_AAC, 1280, 720, 15))))
                .containsOnlyKeys("encode_params.audio_codec");
        assertThat(
                        violations(
                                with(
                                        cdn720p(),
                                        encode(8_000, 1, AudioCodec.HE_AAC_V2, 1280, 720, 15))))
                .containsOnlyKeys("encode_params.audio_codec");
        assertThat(violations(with(cdn720p(), encode(8_000, 1, AudioCodec.LC_AAC, 1280, 720, 15))))
                .isEmpty();
        assertThat(violations(with(cdn720p(), encode(0, 0, AudioCodec.HE_AAC_V2, 1280, 720, 15))))
                .as("0 channels means the default, 2")
                .isEmpty();
    }

    @Test
    void aVideoOutputNeedsAnEvenCanvasABitrateAndAFramerate() {
        MixConfig config =
                with(
                        cdn720p(),
                        new EncodeParams(
                                0,
                                0,
                                0,
                                AudioCodec.LC_AAC,
                                0,
                                719,
                                0,
                                0,
                                6,
                                VideoCodec.H265,
                                0x1000000,
                                "",
                                0));

        assertThat(violations(config))
                .containsEntry("encode_params.video_width", "MissingParameter.VideoResolution")
                .containsEntry("encode_params.video_height", "InvalidParameter.VideoResolution")
                .containsEntry("encode_params.video_bitrate", "MissingParameter.VideoBitrate")
                .containsEntry("encode_params.video_framerate", "InvalidParameter.VideoFramerate")
                .containsEntry("encode_params.video_gop", "InvalidParameter.VideoGop")
                .containsEntry(
                        "encode_params.background_color", "InvalidParameter.BackgroundColor");
    }

    @Test
    void anAudioOnlyOutputMayOmitTheCanvasButNotHalfOfIt() {
        OutputParams audioOnly = new OutputParams("", true, "rec1", false);
        EncodeParams noVideo =
                new EncodeParams(
                        0, 0, 0, AudioCodec.LC_AAC, 0, 0, 0, 0, 0, VideoCodec.H264, 0, "", 0);
        EncodeParams halfCanvas =
                new EncodeParams(
                        0, 0, 0, AudioCodec.LC_AAC, 640, 0, 0, 0, 0, VideoCodec.H264, 0, "", 0);

        assertThat(violations(new MixConfig(audioOnly, noVideo, LayoutParams.DEFAULT, List.of())))
                .isEmpty();
        assertThat(
                        violations(
                                new MixConfig(
                                        audioOnly, halfCanvas, LayoutParams.DEFAULT, List.of())))
                .containsOnlyKeys("encode_params.video_height");
        assertThat(
                        new MixConfig(audioOnly, noVideo, LayoutParams.DEFAULT, List.of())
                                .carriesVideo())
                .isFalse();
    }

    @Test
    void outputsNeedAStreamOrARecordAndCdnRelaysNeedTheStream() {
        assertThat(violations(with(cdn720p(), new OutputParams("", false, "", false))))
                .containsExactly(Map.entry("output_params", "MissingParameter.OutputParams"));
        assertThat(
                        violations(
                                new MixConfig(
                                        new OutputParams("", false, "rec", false),
                                        MixConfigs.encode720p(),
                                        LayoutParams.DEFAULT,
                                        List.of("rtmp://cdn.example.com/live/x", "http://nope"))))
                .containsEntry("output_params.stream_id", "MissingParameter.StreamId")
                .containsEntry(
                        "publish_cdn_params.publish_cdn_urls[1]", "InvalidParameter.PublishCdnUrls")
                .hasSize(2);
        assertThat(violations(with(cdn720p(), new OutputParams("bad id!", false, "", false))))
                .containsOnlyKeys("output_params.stream_id");
    }

    @Test
    void pictureInPictureNeedsASmallPictureInsideTheCanvasOtherThanTheMain() {
        LayoutParams pip = LayoutParams.of(LayoutTemplate.PICTURE_IN_PICTURE);
        assertThat(violations(with(cdn720p(), pip)))
                .containsExactly(
                        Map.entry(
                                "layout_params.small_video_layout_params",
                                "MissingParameter.SmallVideoLayoutParams"));

        StreamKey alice = new StreamKey("alice", StreamType.MAIN);
        LayoutParams clash =
                pip.withMain(alice)
                        .withSmallVideo(new SmallVideo(alice, new Rect(1100, 0, 100, 0)));
        assertThat(violations(with(cdn720p(), clash)).keySet())
                .containsExactlyInAnyOrder(
                        "layout_params.small_video_layout_params.user_id",
                        "layout_params.small_video_layout_params.image_height");
    }

    @Test
    void customNeedsOneToSixteenEntriesEachStreamReservedOnce() {
        PresetSlot alice =
                new PresetSlot(
                        "alice",
                        StreamType.MAIN,
                        new Rect(0, 0, 10, 10),
                        0,
                        RenderMode.CROP,
                        MixInputType.AUDIO_VIDEO,
                        "");
        PresetSlot free =
                new PresetSlot(
                        "",
                        StreamType.MAIN,
                        new Rect(0, 0, 10, 10),
                        0,
                        RenderMode.CROP,
                        MixInputType.AUDIO_VIDEO,
                        "");
        assertThat(violations(with(cdn720p(), LayoutParams.of(LayoutTemplate.CUSTOM))))
                .containsOnlyKeys("layout_params.preset_layout_config");
        assertThat(
                        violations(
                                with(
                                        cdn720p(),
                                        LayoutParams.of(LayoutTemplate.CUSTOM)
                                                .withPresets(List.of(alice, alice), false))))
                .containsOnlyKeys("layout_params.preset_layout_config[1].user_id");
        assertThat(
                        violations(
                                with(
                                        cdn720p(),
                                        LayoutParams.of(LayoutTemplate.CUSTOM)
                                                .withPresets(
                                                        java.util.Collections.nCopies(17, free),
                                                        false))))
                .containsOnlyKeys("layout_params.preset_layout_config");
    }

    @Test
    void watermarkAndMixVideoUids() {
        LayoutParams layout =
                LayoutParams.DEFAULT
                        .withWatermark(
                                new Watermark(
                                        "https://x.example.com/wm.svg",
                                        new Rect(1200, 700, 100, 50)))
                        .withMixVideoUids(List.of("a", "a", ""));

        assertThat(violations(with(cdn720p(), layout)).keySet())
                .containsExactlyInAnyOrder(
                        "layout_params.water_mark_params.water_mark_url",
                        "layout_params.water_mark_params.location_x",
                        "layout_params.water_mark_params.location_y",
                        "layout_params.mix_video_uids[1]",
                        "layout_params.mix_video_uids[2]");
    }

    @Test
    void imageUrlsArePngJpgJpegOrBmpOverHttp() {
        assertThat(MixConfigRules.imageUrl("https://img.example.com/a/b.JPEG?x=1")).isTrue();
        assertThat(MixConfigRules.imageUrl("http://img.example.com/b.bmp")).isTrue();
        assertThat(MixConfigRules.imageUrl("https://img.example.com/b.gif")).isFalse();
        assertThat(MixConfigRules.imageUrl("file:///etc/b.png")).isFalse();
        assertThat(MixConfigRules.imageUrl("https://img.example.com/" + "a".repeat(500) + ".png"))
                .isFalse();
    }

    @Test
    void defaultsAreFilledInOnlyWhereMixingMdGivesThem() {
        EncodeParams filled = MixConfigs.encode720p().withDefaults();

        assertThat(filled.audioSampleRate()).isEqualTo(48_000);
        assertThat(filled.audioBitrate()).isEqualTo(64);
        assertThat(filled.audioChannels()).isEqualTo(2);
        assertThat(filled.videoGop()).isEqualTo(3);
        assertThat(filled.videoFramerate()).isEqualTo(15);
        assertThat(filled.videoWidth()).isEqualTo(1280);
    }
}
