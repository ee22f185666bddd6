package dev.rtcsuite.packages.domain.settlement;

import dev.rtcsuite.packages.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Postpaid charges of one account, one period and one currency (SPEC P-5); immutable.
 *
 * @param totalAmount sum of the lines' exact amounts
 * @param chargedAmount totalAmount half-up to 0.01: what was charged (zero when INFORMATIONAL)
 * @param balanceAfter total funds of the currency right after charging (SETTLED only)
 * @param arrearsTriggered this charge took the balance from ≥ 0 to below 0
 */
public record Statement(
        UUID statementId,
        UUID accountId,
        StatementKind kind,
        LocalDate startDay,
        LocalDate endDay,
        StatementState state,
        Currency currency,
        List<ChargeLine> lines,
        Money totalAmount,
        Money chargedAmount,
        Optional<Money> balanceAfter,
        boolean arrearsTriggered,
        Instant settleTime) {

    public Statement {
        lines = List.copyOf(lines);
    }
}
