package dev.rtcsuite.rating.domain.price;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, versioned set of prices (SPEC R-1). A LIST book prices every item and every tier of
 * tiered items; a CONTRACT book names only what it overrides. When a book applies is decided
 * outside it: LIST books by their effective time ({@link DatedPriceBook}), CONTRACT books by their
 * assignment to an account ({@link ContractAssignment}).
 */
public record PriceBook(String version, PriceBookKind kind, Map<BillableItem, ItemPrice> prices) {

    public PriceBook {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a price book needs a version");
        }
        Objects.requireNonNull(kind, "kind");
        prices.forEach(PriceBook::requireShapeFits);
        prices = prices.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(prices));
        if (kind == PriceBookKind.LIST) {
            requireComplete(version, prices);
        }
    }

    public static Builder builder(String version, PriceBookKind kind) {
        return new Builder(version, kind);
    }

    /** The unit price of an item at a tier, in the item's currency; empty when not named. */
    public Optional<Money> unitPrice(BillableItem item, RatedTier tier) {
        ItemPrice price = prices.get(item);
        if (price == null) {
            return Optional.empty();
        }
        return price.unitPrice(tier.resolutionTier()).map(p -> new Money(p, price.currency()));
    }

    /** The currency of an item's prices, empty when the book does not price the item. */
    public Optional<Currency> currency(BillableItem item) {
        return Optional.ofNullable(prices.get(item)).map(ItemPrice::currency);
    }

    private static void requireShapeFits(BillableItem item, ItemPrice price) {
        Objects.requireNonNull(price, "price of " + item);
        if (item.tiered() != (price instanceof ItemPrice.Tiered)) {
            throw new IllegalArgumentException(
                    item + (item.tiered() ? " needs prices per tier" : " has one flat price"));
        }
    }

    private static void requireComplete(String version, Map<BillableItem, ItemPrice> prices) {
        for (BillableItem item : BillableItem.values()) {
            ItemPrice price = prices.get(item);
            if (price == null) {
                throw new IllegalArgumentException(
                        "list price book " + version + " does not price " + item);
            }
            if (price instanceof ItemPrice.Tiered tiered
                    && tiered.perMinute().size() != ResolutionTier.values().length) {
                throw new IllegalArgumentException(
                        "list price book " + version + " does not price every tier of " + item);
            }
        }
    }

    /** Assembles a price book item by item. */
    public static final class Builder {
        private final String version;
        private final PriceBookKind kind;
        private final Map<BillableItem, ItemPrice> prices = new EnumMap<>(BillableItem.class);

        private Builder(String version, PriceBookKind kind) {
            this.version = version;
            this.kind = kind;
        }

        /** A tier of a tiered item, priced per 1,000 minutes as in the price table. */
        public Builder perThousandMinutes(
                BillableItem item, ResolutionTier tier, Currency currency, BigDecimal price) {
            return perMinute(item, tier, currency, PerMinutePrice.fromPerThousandMinutes(price));
        }

        /** A tier of a tiered item, priced per minute (e.g. a contract's 0.0325 per minute). */
        public Builder perMinute(
                BillableItem item, ResolutionTier tier, Currency currency, BigDecimal price) {
            requireTiered(item, true);
            ItemPrice.Tiered current =
                    (ItemPrice.Tiered)
                            prices.getOrDefault(item, new ItemPrice.Tiered(currency, Map.of()));
            requireSameCurrency(item, current.currency(), currency);
            prices.put(item, current.with(tier, PerMinutePrice.of(price)));
            return this;
        }

        /** An untiered minute item (in-class recording), priced per 1,000 minutes. */
        public Builder perThousandMinutes(BillableItem item, Currency currency, BigDecimal price) {
            if (!item.timeMeasured()) {
                throw new IllegalArgumentException(item + " is not priced per minute");
            }
            return perUnit(item, currency, PerMinutePrice.fromPerThousandMinutes(price));
        }

        /** An untiered item priced per unit of its quantity (or per minute). */
        public Builder perUnit(BillableItem item, Currency currency, BigDecimal price) {
            requireTiered(item, false);
            prices.put(item, new ItemPrice.Flat(currency, price));
            return this;
        }

        public PriceBook build() {
            return new PriceBook(version, kind, prices);
        }

        private static void requireTiered(BillableItem item, boolean tiered) {
            if (item.tiered() != tiered) {
                throw new IllegalArgumentException(
                        item + (item.tiered() ? " is priced per tier" : " has no tiers"));
            }
        }

        private static void requireSameCurrency(
                BillableItem item, Currency existing, Currency added) {
            if (!existing.equals(added)) {
                throw new IllegalArgumentException(
                        "every price of " + item + " must be in " + existing + ", not " + added);
            }
        }
    }
}
