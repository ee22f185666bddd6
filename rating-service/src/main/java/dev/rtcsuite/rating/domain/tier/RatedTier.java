package dev.rtcsuite.rating.domain.tier;

import java.util.Optional;

/**
 * The tier a charge is rated at: a resolution tier for tiered items, or none for untiered items
 * (in-class recording, storage, traffic, legacy recording).
 */
public sealed interface RatedTier permits RatedTier.Tiered, RatedTier.Untiered {

    /** Audio, the tier of everything without a picture. */
    RatedTier AUDIO = new Tiered(ResolutionTier.AUDIO, false);

    /** The tier of a resolution, flagged when above the 4K bound; no picture rates AUDIO. */
    static RatedTier of(Resolution resolution) {
        return new Tiered(ResolutionTier.of(resolution), ResolutionTier.isAbove4k(resolution));
    }

    static RatedTier of(ResolutionTier tier) {
        return new Tiered(tier, false);
    }

    static RatedTier untiered() {
        return Untiered.INSTANCE;
    }

    /** The resolution tier, empty for untiered items. */
    Optional<ResolutionTier> resolutionTier();

    /** True for UHD usage whose video was above the 4K bound (kept apart from the rest of UHD). */
    boolean above4k();

    /** A resolution tier. */
    record Tiered(ResolutionTier tier, boolean above4k) implements RatedTier {
        public Tiered {
            if (tier == null) {
                throw new IllegalArgumentException("tier is required");
            }
            if (above4k && tier != ResolutionTier.UHD) {
                throw new IllegalArgumentException("only UHD can be above the 4K bound");
            }
        }

        @Override
        public Optional<ResolutionTier> resolutionTier() {
            return Optional.of(tier);
        }
    }

    /** No tier. */
    enum Untiered implements RatedTier {
        INSTANCE;

        @Override
        public Optional<ResolutionTier> resolutionTier() {
            return Optional.empty();
        }

        @Override
        public boolean above4k() {
            return false;
        }
    }
}
