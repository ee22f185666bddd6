package dev.rtcsuite.recording.domain.usage;

/** Resolution tiers by area, inclusive upper bounds (SPEC §0); above 4K is rated 4K. */
public enum ResolutionTier {
    AUDIO(0),
    SD(640L * 480),
    HD(1280L * 720),
    FHD(1920L * 1080),
    UHD_2K(2560L * 1440),
    UHD_4K(4096L * 2176);

    private final long maxArea;

    ResolutionTier(long maxArea) {
        this.maxArea = maxArea;
    }

    /** The tier of a video input; 0 × 0 is audio. */
    public static ResolutionTier of(long width, long height) {
        long area = width * height;
        if (area == 0) {
            return AUDIO;
        }
        for (ResolutionTier tier : values()) {
            if (tier != AUDIO && area <= tier.maxArea) {
                return tier;
            }
        }
        return UHD_4K;
    }
}
