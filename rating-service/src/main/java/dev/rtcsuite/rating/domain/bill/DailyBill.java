package dev.rtcsuite.rating.domain.bill;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The charges of one app, or one account, for one billing day (SPEC ): one line per charge
 * (item, tier, above-4K, free) and price book version, and one total per currency.
 */
public record DailyBill(LocalDate billingDay, List<BillLine> lines) {

    private static final Comparator<BillLine> LINE_ORDER =
            Comparator.comparing(BillLine::key)
                    .thenComparing(line -> line.price().priceBookVersion());

    public DailyBill {
        Objects.requireNonNull(billingDay, "billingDay");
        lines = lines.stream().sorted(LINE_ORDER).toList();
    }

    /**
     * An account's bill from its apps' bills: lines of the same charge and price are added up, so
     * each app's minutes are rounded on their own first.
     */
    public static DailyBill ofAccount(LocalDate billingDay, List<DailyBill> appBills) {
        List<BillLine> merged = new ArrayList<>();
        for (DailyBill appBill : appBills) {
            if (!appBill.billingDay.equals(billingDay)) {
                throw new IllegalArgumentException(
                        "bill of " + appBill.billingDay + " is not of " + billingDay);
            }
            for (BillLine line : appBill.lines) {
                int same = indexOfSameCharge(merged, line);
                if (same >= 0) {
                    merged.set(same, merged.get(same).plus(line));
                } else {
                    merged.add(line);
                }
            }
        }
        return new DailyBill(billingDay, merged);
    }

    /** Per currency: the exact total and its rounding. */
    public List<CurrencyTotal> totals() {
        return CurrencyTotal.of(lines);
    }

    /** The total in one currency, zero when no line is in it. */
    public CurrencyTotal total(Currency currency) {
        return totals().stream()
                .filter(t -> t.exact().currency().equals(currency))
                .findFirst()
                .orElse(new CurrencyTotal(Money.zero(currency)));
    }

    /** The lines of one item. */
    public List<BillLine> lines(BillableItem item) {
        return lines.stream().filter(line -> line.key().item() == item).toList();
    }

    /** The only line of a charge, if there is exactly one price for it. */
    public Optional<BillLine> line(ChargeKey key) {
        List<BillLine> found = lines.stream().filter(l -> l.key().equals(key)).toList();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    private static int indexOfSameCharge(List<BillLine> lines, BillLine line) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sameChargeAs(line)) {
                return i;
            }
        }
        return -1;
    }
}
