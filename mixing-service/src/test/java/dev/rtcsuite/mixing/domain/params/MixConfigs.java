package dev.rtcsuite.mixing.domain.params;

import java.util.List;

/** Valid configurations to start from in tests. */
public final class MixConfigs {

    private MixConfigs() {}

    public static EncodeParams encode720p() {
        return new EncodeParams(
                0, 0, 0, AudioCodec.LC_AAC, 1280, 720, 1500, 15, 0, VideoCodec.H264, 0, "", 0);
    }

    /** A CDN relay of a 1280 × 720 floating mix. */
    public static MixConfig cdn720p() {
        return new MixConfig(
                new OutputParams("mix_stream", false, "", false),
                encode720p(),
                LayoutParams.DEFAULT,
                List.of());
    }

    public static MixConfig with(MixConfig config, EncodeParams encode) {
        return new MixConfig(config.output(), encode, config.layout(), config.cdnUrls());
    }

    public static MixConfig with(MixConfig config, LayoutParams layout) {
        return new MixConfig(config.output(), config.encode(), layout, config.cdnUrls());
    }

    public static MixConfig with(MixConfig config, OutputParams output) {
        return new MixConfig(output, config.encode(), config.layout(), config.cdnUrls());
    }

    public static EncodeParams encode(
            int sampleRate, int channels, AudioCodec codec, int width, int height, int framerate) {
        return new EncodeParams(
                sampleRate,
                0,
                channels,
                codec,
                width,
                height,
                1500,
                framerate,
                0,
                VideoCodec.H264,
                0,
                "",
                0);
    }
}
