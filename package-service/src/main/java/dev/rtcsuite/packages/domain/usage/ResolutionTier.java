package dev.rtcsuite.packages.domain.usage;

/** Resolution tiers of base-service usage (SPEC §0); QHD is 2K and UHD is 4K. */
public enum ResolutionTier {
    AUDIO,
    SD,
    HD,
    FHD,
    QHD,
    UHD
}
