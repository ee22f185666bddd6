package dev.rtcsuite.packages.domain.prepaid;

import dev.rtcsuite.packages.domain.usage.ResolutionTier;

/** Package minutes consumed by one usage minute of each tier (SPEC P-2, P-3). */
public enum DeductionRatios {
    /** The free trial: every tier 1:1. */
    TRIAL(1, 1, 1, 1, 1, 1),
    /** Every other package: AUDIO:SD:HD:FHD:2K:4K = 1:2:4:9:16:36. */
    GENERAL(1, 2, 4, 9, 16, 36);

    private final int[] byTier;

    DeductionRatios(int audio, int sd, int hd, int fhd, int qhd, int uhd) {
        this.byTier = new int[] {audio, sd, hd, fhd, qhd, uhd};
    }

    public int packageMinutesPer(ResolutionTier tier) {
        return byTier[tier.ordinal()];
    }
}
