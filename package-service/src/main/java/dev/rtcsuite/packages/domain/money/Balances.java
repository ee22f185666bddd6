package dev.rtcsuite.packages.domain.money;

import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All of an account's funds, one {@link Funds} per currency (in-class recording is charged in USD).
 * CNY always exists; other currencies appear once topped up or charged.
 */
public record Balances(Map<Currency, Funds> byCurrency) {

    public Balances {
        Map<Currency, Funds> copy = new HashMap<>(byCurrency);
        copy.putIfAbsent(Money.CNY, Funds.empty(Money.CNY));
        copy.forEach(
                (currency, funds) -> {
                    if (!funds.currency().equals(currency)) {
                        throw new IllegalArgumentException("Funds filed under the wrong currency");
                    }
                });
        byCurrency = Map.copyOf(copy);
    }

    public static Balances empty() {
        return new Balances(Map.of());
    }

    public Funds of(Currency currency) {
        return byCurrency.getOrDefault(currency, Funds.empty(currency));
    }

    public Balances with(Funds funds) {
        Map<Currency, Funds> copy = new HashMap<>(byCurrency);
        copy.put(funds.currency(), funds);
        return new Balances(copy);
    }

    /** Negative in any currency: the account is in debt (SPEC P-6). */
    public boolean anyNegative() {
        return byCurrency.values().stream().anyMatch(funds -> funds.total().isNegative());
    }

    /** CNY first, then by currency code, as GetBalance lists them. */
    public List<Funds> inDisplayOrder() {
        return byCurrency.values().stream()
                .sorted(
                        Comparator.comparing((Funds funds) -> !funds.currency().equals(Money.CNY))
                                .thenComparing(funds -> funds.currency().getCurrencyCode()))
                .toList();
    }
}
