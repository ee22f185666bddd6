package dev.rtcsuite.mixing.domain.params;

import java.util.Objects;

/**
 * Encoding of the mix (MIXING.md "EncodeParams"). Values are as requested, 0 meaning "default"
 * where MIXING.md gives one; {@link #withDefaults()} fills those in.
 *
 * @param audioSampleRate Hz
 * @param audioBitrate kbps
 * @param videoWidth canvas width in px
 * @param videoHeight canvas height in px
 * @param videoBitrate kbps
 * @param videoGop keyframe interval in seconds
 * @param backgroundColor 0xRRGGBB
 * @param backgroundImageId an image of the operator's library (resolved by the MCU worker), 0 =
 *     none
 */
public record EncodeParams(
        int audioSampleRate,
        int audioBitrate,
        int audioChannels,
        AudioCodec audioCodec,
        int videoWidth,
        int videoHeight,
        int videoBitrate,
        int videoFramerate,
        int videoGop,
        VideoCodec videoCodec,
        int backgroundColor,
        String backgroundImageUrl,
        long backgroundImageId) {

    public static final int DEFAULT_SAMPLE_RATE = 48_000;
    public static final int DEFAULT_AUDIO_BITRATE = 64;
    public static final int DEFAULT_CHANNELS = 2;
    public static final int DEFAULT_FRAMERATE = 15;
    public static final int DEFAULT_GOP = 3;

    public EncodeParams {
        Objects.requireNonNull(audioCodec, "audioCodec");
        Objects.requireNonNull(videoCodec, "videoCodec");
        Objects.requireNonNull(backgroundImageUrl, "backgroundImageUrl");
    }

    /** The same parameters with every "0 = default" replaced by its default. */
    public EncodeParams withDefaults() {
        return new EncodeParams(
                orDefault(audioSampleRate, DEFAULT_SAMPLE_RATE),
                orDefault(audioBitrate, DEFAULT_AUDIO_BITRATE),
                orDefault(audioChannels, DEFAULT_CHANNELS),
                audioCodec,
                videoWidth,
                videoHeight,
                videoBitrate,
                orDefault(videoFramerate, DEFAULT_FRAMERATE),
                orDefault(videoGop, DEFAULT_GOP),
                videoCodec,
                backgroundColor,
                backgroundImageUrl,
                backgroundImageId);
    }

    private static int orDefault(int value, int defaultValue) {
        return value == 0 ? defaultValue : value;
    }
}
