package dev.rtcsuite.packages.domain.deduction;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Activating a bought package (SPEC P-3): once its delay is over it starts deducting, and at once
 * takes over the usage of its purchase day since 00:00 that no package covered, i.e. the day's
 * postpaid overflow so far, net of what earlier catch-ups already took. Earlier days are never
 * touched. Each interval taken over gives one catch-up deduction with a negative postpaid part.
 */
public final class ActivationCatchUp {

    private ActivationCatchUp() {}

    /** The package, activated and drawn down, and the catch-up deductions to store with it. */
    public record Activation(PrepaidPackage activated, List<Deduction> catchUps) {

        public Activation {
            catchUps = List.copyOf(catchUps);
        }
    }

    /**
     * @param purchaseDayDeductions the account's deductions (interval and catch-up) of the
     *     package's purchase day; deductions of other days are ignored
     */
    public static Activation activate(
            PrepaidPackage bought, List<Deduction> purchaseDayDeductions, Instant now) {
        PrepaidPackage current = bought.activate(now);
        List<Deduction> catchUps = new ArrayList<>();
        for (Map.Entry<UsageKey, List<Deduction>> overflow :
                overflowByKey(bought, purchaseDayDeductions).entrySet()) {
            UsageMinutes net =
                    overflow.getValue().stream()
                            .map(Deduction::postpaidUsageMinutes)
                            .reduce(UsageMinutes.ZERO, UsageMinutes::plus);
            if (!net.isPositive() || current.remainingMinutes() == 0) {
                continue;
            }
            UsageKey key = overflow.getKey();
            BurnDown.Result result = BurnDown.apply(net, key.tier(), List.of(current));
            BurnDown.Draw draw = result.draws().getFirst();
            current = draw.after();
            Money unitPrice = overflow.getValue().getFirst().unitPrice();
            UsageMinutes takenOver = draw.deduction().usageMinutes();
            catchUps.add(
                    new Deduction(
                            DeductionIds.next(now),
                            bought.accountId(),
                            key,
                            DeductionKind.ACTIVATION_CATCH_UP,
                            0,
                            List.of(draw.deduction()),
                            takenOver.negate(),
                            takenOver.priceAt(unitPrice).negate(),
                            unitPrice,
                            now));
        }
        return new Activation(current, catchUps);
    }

    private static Map<UsageKey, List<Deduction>> overflowByKey(
            PrepaidPackage bought, List<Deduction> deductions) {
        return deductions.stream()
                .filter(d -> d.accountId().equals(bought.accountId()))
                .filter(d -> d.key().billingDay().equals(bought.validity().firstDay()))
                .collect(
                        Collectors.groupingBy(
                                Deduction::key,
                                () -> new TreeMap<>(UsageKey.CHRONOLOGICAL),
                                Collectors.toList()));
    }
}
