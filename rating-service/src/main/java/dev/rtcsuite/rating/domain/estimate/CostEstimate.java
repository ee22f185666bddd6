package dev.rtcsuite.rating.domain.estimate;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.bill.CurrencyTotal;
import java.util.Currency;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The charges of a scenario: one line per (user, charge), totals per currency. */
public record CostEstimate(List<EstimateLine> lines) {

    public CostEstimate {
        lines = List.copyOf(lines);
    }

    public List<CurrencyTotal> totals() {
        return CurrencyTotal.of(lines.stream().map(EstimateLine::line).toList());
    }

    /** The exact total in a currency (zero when no line is in it). */
    public Money total(Currency currency) {
        return totals().stream()
                .map(CurrencyTotal::exact)
                .filter(m -> m.currency().equals(currency))
                .findFirst()
                .orElse(Money.zero(currency));
    }

    /** The exact total of one user's lines in a currency. */
    public Money totalOf(String userId, Currency currency) {
        return lines.stream()
                .filter(l -> l.userId().equals(userId) && l.line().currency().equals(currency))
                .map(l -> l.line().amount())
                .reduce(Money.zero(currency), Money::plus);
    }

    /** The lines of one item. */
    public List<EstimateLine> lines(BillableItem item) {
        return lines.stream().filter(l -> l.line().key().item() == item).toList();
    }

    /** The price book versions the estimate used. */
    public SortedSet<String> priceBookVersions() {
        return new TreeSet<>(lines.stream().map(l -> l.line().price().priceBookVersion()).toList());
    }
}
