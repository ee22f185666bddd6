package dev.rtcsuite.rating.domain.price;

import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The prices of one item in one price book; every price of an item is in one currency. */
public sealed interface ItemPrice permits ItemPrice.Tiered, ItemPrice.Flat {

    Currency currency();

    /** The unit price for a tier (ignored by flat prices); empty when the book does not name it. */
    Optional<BigDecimal> unitPrice(Optional<ResolutionTier> tier);

    /**
     * Per-minute prices by resolution tier (tiered minute items). A contract may name only some
     * tiers.
     */
    record Tiered(Currency currency, Map<ResolutionTier, BigDecimal> perMinute)
            implements ItemPrice {
        public Tiered {
            Objects.requireNonNull(currency, "currency");
            perMinute.values().forEach(ItemPrice::requireNonNegative);
            perMinute =
                    perMinute.isEmpty()
                            ? Map.of()
                            : Collections.unmodifiableMap(new EnumMap<>(perMinute));
        }

        @Override
        public Optional<BigDecimal> unitPrice(Optional<ResolutionTier> tier) {
            return tier.map(perMinute::get);
        }

        Tiered with(ResolutionTier tier, BigDecimal price) {
            Map<ResolutionTier, BigDecimal> prices = new EnumMap<>(ResolutionTier.class);
            prices.putAll(perMinute);
            prices.put(tier, price);
            return new Tiered(currency, prices);
        }
    }

    /**
     * One price per unit of the item: per minute (in-class recording), per channel-month, per
     * GB-day or per GB.
     */
    record Flat(Currency currency, BigDecimal perUnit) implements ItemPrice {
        public Flat {
            Objects.requireNonNull(currency, "currency");
            requireNonNegative(perUnit);
        }

        @Override
        public Optional<BigDecimal> unitPrice(Optional<ResolutionTier> tier) {
            return Optional.of(perUnit);
        }
    }

    private static void requireNonNegative(BigDecimal price) {
        if (Objects.requireNonNull(price, "price").signum() < 0) {
            throw new IllegalArgumentException("a price must be ≥ 0, was " + price);
        }
    }
}
