package dev.rtcsuite.mixing.domain.params;

import java.util.List;
import java.util.Objects;

/**
 * Everything a StartMCUMixTranscode configures: a later Start for the room replaces all of it.
 *
 * @param encode with defaults filled in once validated
 * @param cdnUrls third-party CDN relays (PublishCdnParams), 0–10
 */
public record MixConfig(
        OutputParams output, EncodeParams encode, LayoutParams layout, List<String> cdnUrls) {

    public MixConfig {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(encode, "encode");
        Objects.requireNonNull(layout, "layout");
        cdnUrls = List.copyOf(cdnUrls);
    }

    /**
     * Whether any output carries a picture: the CDN relays unless the output is audio only, the
     * recording unless it keeps audio only. Decides whether a canvas is required and laid out, and
     * whether black padding is charged (SPEC R-5).
     */
    public boolean carriesVideo() {
        if (output.pureAudioStream()) {
            return false;
        }
        boolean cdn = output.relaysToCdn() || !cdnUrls.isEmpty();
        boolean recordingVideo = output.records() && !output.recordAudioOnly();
        return cdn || recordingVideo;
    }

    public MixConfig withDefaults() {
        return new MixConfig(output, encode.withDefaults(), layout, cdnUrls);
    }
}
