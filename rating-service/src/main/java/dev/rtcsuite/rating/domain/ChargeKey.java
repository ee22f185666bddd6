package dev.rtcsuite.rating.domain;

import dev.rtcsuite.rating.domain.tier.RatedTier;
import java.util.Comparator;
import java.util.Objects;

/**
 * What usage is accumulated and priced by: the item, its tier, and whether a rule makes it free.
 * Each distinct key is accumulated and rounded on its own (SPEC R-2) and becomes its own bill line.
 *
 * @param free rated at price 0 by a rule yet still reported: the in-class mixed output video
 *     and recording segments of apps on the legacy recording plan. Kept apart from the priced
 *     usage of the same item so that rounding and reporting stay separate.
 */
public record ChargeKey(BillableItem item, RatedTier tier, boolean free)
        implements Comparable<ChargeKey> {

    private static final Comparator<ChargeKey> ORDER =
            Comparator.comparing(ChargeKey::item)
                    .thenComparing(k -> k.tier().resolutionTier().map(Enum::ordinal).orElse(-1))
                    .thenComparing(k -> k.tier().above4k())
                    .thenComparing(ChargeKey::free);

    public ChargeKey {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(tier, "tier");
        if (item.tiered() != tier.resolutionTier().isPresent()) {
            throw new IllegalArgumentException(
                    item + (item.tiered() ? " needs a resolution tier" : " has no tier"));
        }
    }

    /** A priced charge of a tiered item. */
    public static ChargeKey of(BillableItem item, RatedTier tier) {
        return new ChargeKey(item, tier, false);
    }

    /** A priced charge of an untiered item. */
    public static ChargeKey untiered(BillableItem item) {
        return new ChargeKey(item, RatedTier.untiered(), false);
    }

    /** The same charge, priced 0 by a rule. */
    public ChargeKey asFree() {
        return new ChargeKey(item, tier, true);
    }

    /** Bill order: item, then tier (AUDIO..UHD), then above-4K, then free. */
    @Override
    public int compareTo(ChargeKey other) {
        return ORDER.compare(this, other);
    }
}
