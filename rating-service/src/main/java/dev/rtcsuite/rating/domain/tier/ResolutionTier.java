package dev.rtcsuite.rating.domain.tier;

/**
 * Resolution tier (SPEC §0), decided by area with inclusive upper bounds. Names match the v1
 * contract: QHD is "2K", UHD is "4K".
 */
public enum ResolutionTier {
    /** No video. */
    AUDIO(0),
    /** Area ≤ 640 × 480. */
    SD(640L * 480),
    /** Area ≤ 1280 × 720. */
    HD(1280L * 720),
    /** Area ≤ 1920 × 1080. */
    FHD(1920L * 1080),
    /** "2K": area ≤ 2560 × 1440. */
    QHD(2560L * 1440),
    /** "4K": area ≤ 4096 × 2176; larger video is rated UHD too (and flagged, see RatedTier). */
    UHD(4096L * 2176);

    private final long maxArea;

    ResolutionTier(long maxArea) {
        this.maxArea = maxArea;
    }

    /** The inclusive upper bound of the tier's area in pixels. */
    public long maxArea() {
        return maxArea;
    }

    /** The tier of a resolution: the first whose bound holds its area; UHD above every bound. */
    public static ResolutionTier of(Resolution resolution) {
        long area = resolution.area();
        for (ResolutionTier tier : values()) {
            if (area <= tier.maxArea) {
                return tier;
            }
        }
        return UHD;
    }

    /** True when the area exceeds the 4K bound: still rated UHD, but flagged in usage and bills. */
    public static boolean isAbove4k(Resolution resolution) {
        return resolution.area() > UHD.maxArea;
    }
}
