package dev.rtcsuite.rating.domain.bill;

import dev.rtcsuite.rating.domain.Money;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A total in one currency: the sum of the exact line amounts, and that sum rounded half-up to 0.01
 * (not the sum of the rounded lines, SPEC R-2).
 */
public record CurrencyTotal(Money exact) {

    public Money rounded() {
        return exact.rounded();
    }

    /** One total per currency of the lines, ordered by currency code. */
    public static List<CurrencyTotal> of(Collection<BillLine> lines) {
        Map<String, Money> totals = new TreeMap<>();
        for (BillLine line : lines) {
            totals.merge(line.currency().getCurrencyCode(), line.amount(), Money::plus);
        }
        return totals.values().stream()
                .map(CurrencyTotal::new)
                .sorted(Comparator.comparing(t -> t.exact().currency().getCurrencyCode()))
                .toList();
    }
}
