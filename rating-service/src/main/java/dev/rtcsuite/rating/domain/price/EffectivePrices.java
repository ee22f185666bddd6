package dev.rtcsuite.rating.domain.price;

import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The LIST book and, optionally, the account's CONTRACT book in force together. Also a {@link
 * PriceSource} that always answers itself (estimates and re-rates with one explicit book).
 */
public record EffectivePrices(PriceBook list, Optional<PriceBook> contract) implements PriceSource {

    public EffectivePrices {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(contract, "contract");
        if (list.kind() != PriceBookKind.LIST) {
            throw new IllegalArgumentException(list.version() + " is not a LIST book");
        }
        contract.ifPresent(
                c -> {
                    if (c.kind() != PriceBookKind.CONTRACT) {
                        throw new IllegalArgumentException(c.version() + " is not a CONTRACT book");
                    }
                });
    }

    public static EffectivePrices listOnly(PriceBook list) {
        return new EffectivePrices(list, Optional.empty());
    }

    public static EffectivePrices withContract(PriceBook list, PriceBook contract) {
        return new EffectivePrices(list, Optional.of(contract));
    }

    @Override
    public EffectivePrices at(Instant instant) {
        return this;
    }

    /**
     * The unit price of a charge: the contract's when it names the item and tier, else the list
     * price. Free charges (see {@link ChargeKey#free()}) are quoted 0 in the list currency of the
     * item, under the list book's version.
     */
    public PriceQuote quote(ChargeKey key) {
        if (key.free()) {
            return new PriceQuote(
                    Money.zero(list.currency(key.item()).orElseThrow()), list.version(), false);
        }
        Optional<PriceQuote> contracted =
                contract.flatMap(
                        c ->
                                c.unitPrice(key.item(), key.tier())
                                        .map(p -> new PriceQuote(p, c.version(), true)));
        return contracted.orElseGet(
                () ->
                        new PriceQuote(
                                list.unitPrice(key.item(), key.tier()).orElseThrow(),
                                list.version(),
                                false));
    }
}
