package dev.rtcsuite.mixing.domain.params;

import static dev.rtcsuite.mixing.domain.TrtcCodes.invalid;
import static dev.rtcsuite.mixing.domain.TrtcCodes.missing;

import dev.rtcsuite.mixing.domain.StreamKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every range and cross-field rule of MIXING.md for a mix configuration. Each bad field is named by
 * its proto path with the allowed range; nothing is corrected silently (a peer accepted swapped
 * framerate and bitrate and produced nothing).
 *
 * <p>Decisions where MIXING.md is silent or the issue overrides it: a video output needs
 * video_framerate 1–60 (issue #6 lists framerate 0 as bad input; the default 15 applies only to
 * audio-only outputs, where it is unused); parameters of other templates are not checked; a
 * third-party CDN relay needs output_params.stream_id (the CDNs relay the mix's stream).
 */
public final class MixConfigRules {

    public static final int MAX_WIDTH = 1920;
    public static final int MAX_HEIGHT = 1080;
    public static final int MAX_INPUTS = 16;
    public static final int MAX_CDN_URLS = 10;
    public static final int MAX_URL_BYTES = 512;
    public static final int MAX_USER_ID = 32;

    static final List<Integer> SAMPLE_RATES =
            List.of(48_000, 44_100, 32_000, 24_000, 16_000, 8_000);

    private static final Pattern OUTPUT_ID = Pattern.compile("[A-Za-z0-9_-]{0,64}");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");

    private MixConfigRules() {}

    /** A StartMCUMixTranscode configuration. */
    public static void check(MixConfig config, ParamChecks checks) {
        output(config, checks);
        encode(config.encode(), config.carriesVideo(), checks);
        Optional<int[]> canvas =
                config.carriesVideo()
                        ? Optional.of(
                                new int[] {
                                    config.encode().videoWidth(), config.encode().videoHeight()
                                })
                        : Optional.empty();
        layout(config.layout(), canvas, "layout_params", checks);
    }

    /** A PreviewLayout canvas and layout. */
    public static void checkPreview(
            int width,
            int height,
            int backgroundColor,
            String backgroundImageUrl,
            LayoutParams layout,
            ParamChecks checks) {
        canvasSide(width, MAX_WIDTH, true, "canvas_width", checks);
        canvasSide(height, MAX_HEIGHT, true, "canvas_height", checks);
        background(backgroundColor, backgroundImageUrl, "", checks);
        layout(layout, Optional.of(new int[] {width, height}), "layout_params", checks);
    }

    private static void output(MixConfig config, ParamChecks checks) {
        OutputParams output = config.output();
        checks.check(
                output.relaysToCdn() || output.records(),
                "output_params",
                "required: stream_id (CDN relay) or record_id (mixed recording), or both",
                missing("OutputParams"));
        checks.check(
                OUTPUT_ID.matcher(output.streamId()).matches(),
                "output_params.stream_id",
                "must be 0–64 characters of A–Z, a–z, 0–9, '_' or '-'",
                invalid("StreamId"));
        checks.check(
                OUTPUT_ID.matcher(output.recordId()).matches(),
                "output_params.record_id",
                "must be 0–64 characters of A–Z, a–z, 0–9, '_' or '-'",
                invalid("RecordId"));
        List<String> urls = config.cdnUrls();
        checks.check(
                urls.isEmpty() || output.relaysToCdn(),
                "output_params.stream_id",
                "required with publish_cdn_params: third-party CDNs relay the mix's stream",
                missing("StreamId"));
        checks.check(
                urls.size() <= MAX_CDN_URLS,
                "publish_cdn_params.publish_cdn_urls",
                "must be 1–" + MAX_CDN_URLS + " URLs, was " + urls.size(),
                invalid("PublishCdnUrls"));
        for (int i = 0; i < urls.size(); i++) {
            checks.check(
                    cdnUrl(urls.get(i)),
                    "publish_cdn_params.publish_cdn_urls[" + i + "]",
                    "must be an rtmp:// or rtmps:// URL of 1–" + MAX_URL_BYTES + " bytes",
                    invalid("PublishCdnUrls"));
        }
    }

    private static void encode(EncodeParams encode, boolean video, ParamChecks checks) {
        String at = "encode_params.";
        int rate = encode.audioSampleRate();
        checks.check(
                rate == 0 || SAMPLE_RATES.contains(rate),
                at + "audio_sample_rate",
                "must be one of 48000, 44100, 32000, 24000, 16000, 8000 Hz (0 = 48000), was "
                        + Integer.toUnsignedString(rate),
                invalid("AudioSampleRate"));
        checks.check(
                encode.audioBitrate() == 0 || within(encode.audioBitrate(), 8, 500),
                at + "audio_bitrate",
                "must be 8–500 kbps (0 = 64), was "
                        + Integer.toUnsignedString(encode.audioBitrate()),
                invalid("AudioBitrate"));
        checks.check(
                within(encode.audioChannels(), 0, 2),
                at + "audio_channels",
                "must be 1 or 2 (0 = 2), was " + Integer.toUnsignedString(encode.audioChannels()),
                invalid("AudioChannels"));
        audioCodec(encode, checks);
        if (video) {
            canvasSide(encode.videoWidth(), MAX_WIDTH, true, at + "video_width", checks);
            canvasSide(encode.videoHeight(), MAX_HEIGHT, true, at + "video_height", checks);
            checks.check(
                    encode.videoBitrate() != 0,
                    at + "video_bitrate",
                    "required for a video output: 1–10000 kbps",
                    missing("VideoBitrate"));
            checks.check(
                    within(encode.videoFramerate(), 1, 60),
                    at + "video_framerate",
                    "must be 1–60 fps for a video output, was "
                            + Integer.toUnsignedString(encode.videoFramerate()),
                    invalid("VideoFramerate"));
        } else {
            boolean noCanvas = encode.videoWidth() == 0 && encode.videoHeight() == 0;
            if (!noCanvas) {
                canvasSide(encode.videoWidth(), MAX_WIDTH, false, at + "video_width", checks);
                canvasSide(encode.videoHeight(), MAX_HEIGHT, false, at + "video_height", checks);
            }
            checks.check(
                    within(encode.videoFramerate(), 0, 60),
                    at + "video_framerate",
                    "must be 1–60 fps (0 = 15), was "
                            + Integer.toUnsignedString(encode.videoFramerate()),
                    invalid("VideoFramerate"));
        }
        checks.check(
                encode.videoBitrate() == 0 || within(encode.videoBitrate(), 1, 10_000),
                at + "video_bitrate",
                "must be 1–10000 kbps, was " + Integer.toUnsignedString(encode.videoBitrate()),
                invalid("VideoBitrate"));
        checks.check(
                within(encode.videoGop(), 0, 5),
                at + "video_gop",
                "must be 1–5 seconds (0 = 3), was " + Integer.toUnsignedString(encode.videoGop()),
                invalid("VideoGop"));
        background(encode.backgroundColor(), encode.backgroundImageUrl(), at, checks);
    }

    /** HE-AACv2 needs two channels; HE-AAC and HE-AACv2 cannot encode 8000 Hz. */
    private static void audioCodec(EncodeParams encode, ParamChecks checks) {
        AudioCodec codec = encode.audioCodec();
        int channels =
                encode.audioChannels() == 0
                        ? EncodeParams.DEFAULT_CHANNELS
                        : encode.audioChannels();
        List<String> problems = new java.util.ArrayList<>();
        if (codec == AudioCodec.HE_AAC_V2 && channels != 2) {
            problems.add("AUDIO_CODEC_HE_AAC_V2 needs audio_channels 2, was " + channels);
        }
        if (codec != AudioCodec.LC_AAC && encode.audioSampleRate() == 8_000) {
            problems.add("AUDIO_CODEC_" + codec + " cannot encode audio_sample_rate 8000 Hz");
        }
        checks.check(
                problems.isEmpty(),
                "encode_params.audio_codec",
                String.join("; ", problems),
                invalid("AudioCodec"));
    }

    private static void canvasSide(
            int value, int max, boolean required, String field, ParamChecks checks) {
        String range = "must be 2–" + max + " px and even";
        if (required && value == 0) {
            checks.check(
                    false,
                    field,
                    "required for a video output: " + range,
                    missing("VideoResolution"));
            return;
        }
        checks.check(
                within(value, 2, max) && value % 2 == 0,
                field,
                range + ", was " + Integer.toUnsignedString(value),
                invalid("VideoResolution"));
    }

    private static void background(int color, String imageUrl, String at, ParamChecks checks) {
        checks.check(
                within(color, 0, 0xFF_FF_FF),
                at + "background_color",
                "must be 0x000000–0xFFFFFF (0xRRGGBB), was 0x"
                        + Integer.toHexString(color).toUpperCase(Locale.ROOT),
                invalid("BackgroundColor"));
        checks.check(
                imageUrl.isEmpty() || imageUrl(imageUrl),
                at + "background_image_url",
                imageRule(0),
                invalid("BackgroundImageUrl"));
    }

    private static void layout(
            LayoutParams layout, Optional<int[]> canvas, String at, ParamChecks checks) {
        checks.check(
                layout.mainVideoUserId().length() <= MAX_USER_ID,
                at + ".main_video_user_id",
                "must be 0–" + MAX_USER_ID + " characters",
                invalid("MainVideoUserId"));
        mixVideoUids(layout.mixVideoUids(), at + ".mix_video_uids", checks);
        // Parameters of another template are not used, but a bad value is still refused: a caller
        // who switches templates later must not find it accepted once and refused then.
        if (layout.template() == LayoutTemplate.PICTURE_IN_PICTURE
                || layout.smallVideo().isPresent()) {
            smallVideo(layout, canvas, at, checks);
        }
        if (layout.template() == LayoutTemplate.CUSTOM || !layout.presets().isEmpty()) {
            presets(layout.presets(), canvas, at + ".preset_layout_config", checks);
        }
        layout.watermark()
                .ifPresent(mark -> watermark(mark, canvas, at + ".water_mark_params", checks));
    }

    private static void mixVideoUids(List<String> uids, String at, ParamChecks checks) {
        checks.check(
                uids.size() <= MAX_INPUTS,
                at,
                "must be 0–" + MAX_INPUTS + " user ids, was " + uids.size(),
                invalid("MixVideoUids"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < uids.size(); i++) {
            String uid = uids.get(i);
            checks.check(
                    userId(uid) && seen.add(uid),
                    at + "[" + i + "]",
                    "must be a user id of 1–" + MAX_USER_ID + " characters, listed once",
                    invalid("MixVideoUids"));
        }
    }

    private static void smallVideo(
            LayoutParams layout, Optional<int[]> canvas, String at, ParamChecks checks) {
        String field = at + ".small_video_layout_params";
        if (layout.smallVideo().isEmpty()) {
            checks.check(
                    false,
                    field,
                    "required by LAYOUT_TEMPLATE_PICTURE_IN_PICTURE",
                    missing("SmallVideoLayoutParams"));
            return;
        }
        SmallVideo small = layout.smallVideo().get();
        String code = invalid("SmallVideoLayoutParams");
        checks.check(
                userId(small.stream().userId()),
                field + ".user_id",
                "must be 1–" + MAX_USER_ID + " characters",
                code);
        checks.check(
                layout.mainStream().map(main -> !main.equals(small.stream())).orElse(true),
                field + ".user_id",
                "must name another stream than the main video (main_video_user_id and"
                        + " main_video_stream_type)",
                code);
        rect(small.rect(), canvas, field, "image_", code, checks);
    }

    private static void presets(
            List<PresetSlot> presets, Optional<int[]> canvas, String at, ParamChecks checks) {
        String code = invalid("PresetLayoutConfig");
        if (presets.isEmpty()) {
            checks.check(
                    false,
                    at,
                    "required by LAYOUT_TEMPLATE_CUSTOM: 1–" + MAX_INPUTS + " entries",
                    missing("PresetLayoutConfig"));
            return;
        }
        checks.check(
                presets.size() <= MAX_INPUTS,
                at,
                "must be 1–" + MAX_INPUTS + " entries, was " + presets.size(),
                code);
        Map<StreamKey, Integer> reserved = new HashMap<>();
        for (int i = 0; i < presets.size(); i++) {
            PresetSlot slot = presets.get(i);
            String entry = at + "[" + i + "]";
            checks.check(
                    slot.userId().length() <= MAX_USER_ID,
                    entry + ".user_id",
                    "must be 0–" + MAX_USER_ID + " characters (empty = a free entry)",
                    code);
            if (slot.isReserved()) {
                Integer first =
                        reserved.putIfAbsent(new StreamKey(slot.userId(), slot.streamType()), i);
                checks.check(
                        first == null,
                        entry + ".user_id",
                        "this user's stream is already reserved by " + at + "[" + first + "]",
                        code);
            }
            rect(slot.rect(), canvas, entry, "image_", code, checks);
            checks.check(
                    within(slot.zOrder(), 0, 15),
                    entry + ".z_order",
                    "must be 0–15, was " + Integer.toUnsignedString(slot.zOrder()),
                    code);
            checks.check(
                    slot.placeImageUrl().isEmpty() || imageUrl(slot.placeImageUrl()),
                    entry + ".place_image_url",
                    imageRule(0),
                    code);
        }
    }

    private static void watermark(
            Watermark mark, Optional<int[]> canvas, String at, ParamChecks checks) {
        String code = invalid("WaterMarkParams");
        checks.check(imageUrl(mark.url()), at + ".water_mark_url", imageRule(1), code);
        rect(mark.rect(), canvas, at, "water_mark_", code, checks);
    }

    /**
     * A rectangle's size is at least 1 px; inside the canvas when there is one (audio-only outputs
     * have none).
     */
    private static void rect(
            Rect rect,
            Optional<int[]> canvas,
            String at,
            String sizePrefix,
            String code,
            ParamChecks checks) {
        int maxWidth = canvas.map(c -> c[0]).orElse(MAX_WIDTH);
        int maxHeight = canvas.map(c -> c[1]).orElse(MAX_HEIGHT);
        String widthField = at + "." + sizePrefix + "width";
        String heightField = at + "." + sizePrefix + "height";
        boolean widthOk = within(rect.width(), 1, maxWidth);
        boolean heightOk = within(rect.height(), 1, maxHeight);
        checks.check(
                widthOk,
                widthField,
                "must be 1–" + maxWidth + " px (the canvas width), was " + unsigned(rect.width()),
                code);
        checks.check(
                heightOk,
                heightField,
                "must be 1–"
                        + maxHeight
                        + " px (the canvas height), was "
                        + unsigned(rect.height()),
                code);
        if (canvas.isEmpty()) {
            return;
        }
        long right = ParamChecks.unsigned(rect.x()) + ParamChecks.unsigned(rect.width());
        long bottom = ParamChecks.unsigned(rect.y()) + ParamChecks.unsigned(rect.height());
        checks.check(
                !widthOk || right <= maxWidth,
                at + ".location_x",
                "location_x + "
                        + sizePrefix
                        + "width must be ≤ "
                        + maxWidth
                        + " px (inside the canvas), was "
                        + right,
                code);
        checks.check(
                !heightOk || bottom <= maxHeight,
                at + ".location_y",
                "location_y + "
                        + sizePrefix
                        + "height must be ≤ "
                        + maxHeight
                        + " px (inside the canvas), was "
                        + bottom,
                code);
    }

    /** An http(s) URL of an image (png, jpg, jpeg or bmp) of at most 512 bytes. */
    public static boolean imageUrl(String url) {
        if (url.isEmpty() || url.getBytes(StandardCharsets.UTF_8).length > MAX_URL_BYTES) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
            int dot = path.lastIndexOf('.');
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && dot >= 0
                    && IMAGE_EXTENSIONS.contains(path.substring(dot + 1));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean cdnUrl(String url) {
        if (url.isEmpty() || url.getBytes(StandardCharsets.UTF_8).length > MAX_URL_BYTES) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("rtmp") || scheme.equals("rtmps")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String imageRule(int minBytes) {
        return "must be "
                + (minBytes == 0 ? "empty or " : "")
                + "an http(s) URL of a png, jpg, jpeg or bmp image, 1–"
                + MAX_URL_BYTES
                + " bytes";
    }

    public static boolean userId(String userId) {
        return !userId.isEmpty() && userId.length() <= MAX_USER_ID;
    }

    /** An unsigned protobuf integer (arriving as an int) within [min, max]. */
    private static boolean within(int unsignedValue, long min, long max) {
        long value = ParamChecks.unsigned(unsignedValue);
        return value >= min && value <= max;
    }

    private static String unsigned(int value) {
        return Integer.toUnsignedString(value);
    }
}
