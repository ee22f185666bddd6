package dev.rtcsuite.packages.domain.settlement;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.money.Balances;
import dev.rtcsuite.packages.domain.money.FundType;
import dev.rtcsuite.packages.domain.money.Funds;
import dev.rtcsuite.packages.domain.money.FundsChange;
import dev.rtcsuite.packages.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Settles one billing day of an account (SPEC P-5): one daily statement per currency (CNY always),
 * charged against the funds of its currency (gift, then income transfer, then cash, which may go
 * negative). A MONTHLY account's daily statements are informational; the month is charged when its
 * last day is settled (on the 1st of the next month). Informational days left over by a switch from
 * MONTHLY to DAILY are charged, as one period statement, with the next daily settlement.
 */
public final class DaySettlement {

    private DaySettlement() {}

    /**
     * @param charges per currency: the fund movements of every statement charged
     * @param leftDebt a charge left some balance negative: the account falls into arrears (P-6)
     */
    public record Result(
            List<Statement> statements,
            Balances balancesAfter,
            List<FundsChange> charges,
            boolean leftDebt) {

        public Result {
            statements = List.copyOf(statements);
            charges = List.copyOf(charges);
        }
    }

    /**
     * @param dayCharges the day's postpaid charges in any currency (base overflow of every
     *     deduction, value-added items)
     * @param unchargedDays earlier INFORMATIONAL daily statements not yet charged by a period
     *     statement
     */
    public static Result settle(
            UUID accountId,
            SettlementCycle cycle,
            LocalDate billingDay,
            ZoneId billingZone,
            List<ChargeLine> dayCharges,
            List<Statement> unchargedDays,
            Balances balances,
            Instant now) {
        if (now.isBefore(billingDay.plusDays(1).atStartOfDay(billingZone).toInstant())) {
            throw PackageErrors.billingDayNotOver(accountId, billingDay);
        }
        Ledger ledger = new Ledger(accountId, balances, now);
        List<Statement> days = new ArrayList<>();
        for (Map.Entry<Currency, List<ChargeLine>> entry : byCurrency(dayCharges).entrySet()) {
            Period day = new Period(StatementKind.DAILY, billingDay, billingDay);
            days.add(
                    cycle == SettlementCycle.DAILY
                            ? ledger.charge(day, entry.getKey(), entry.getValue())
                            : ledger.inform(day, entry.getKey(), entry.getValue()));
        }
        List<Statement> toCharge =
                cycle == SettlementCycle.DAILY
                        ? unchargedDays
                        : isLastDayOfMonth(billingDay)
                                ? Stream.concat(unchargedDays.stream(), days.stream()).toList()
                                : List.of();
        List<Statement> statements = new ArrayList<>(days);
        if (!toCharge.isEmpty()) {
            Period period =
                    new Period(
                            StatementKind.MONTHLY,
                            toCharge.stream()
                                    .map(Statement::startDay)
                                    .min(Comparator.naturalOrder())
                                    .orElseThrow(),
                            toCharge.stream()
                                    .map(Statement::endDay)
                                    .max(Comparator.naturalOrder())
                                    .orElseThrow());
            List<ChargeLine> lines =
                    toCharge.stream().flatMap(statement -> statement.lines().stream()).toList();
            Map<Currency, List<ChargeLine>> linesByCurrency = byCurrency(lines);
            toCharge.stream()
                    .map(Statement::currency)
                    .forEach(currency -> linesByCurrency.putIfAbsent(currency, List.of()));
            linesByCurrency.forEach(
                    (currency, currencyLines) ->
                            statements.add(ledger.charge(period, currency, currencyLines)));
        }
        return new Result(
                statements,
                ledger.balances,
                ledger.charges,
                ledger.charged && ledger.balances.anyNegative());
    }

    /**
     * Whether settling the day would neither charge nor record anything: it has no charges, and no
     * earlier informational days fall due with it (DAILY: at once; MONTHLY: on the month's last
     * day).
     */
    public static boolean isIdle(
            SettlementCycle cycle,
            LocalDate billingDay,
            List<ChargeLine> dayCharges,
            List<Statement> unchargedDays) {
        return dayCharges.isEmpty()
                && (unchargedDays.isEmpty()
                        || (cycle == SettlementCycle.MONTHLY && !isLastDayOfMonth(billingDay)));
    }

    private static boolean isLastDayOfMonth(LocalDate day) {
        return day.equals(YearMonth.from(day).atEndOfMonth());
    }

    /** CNY first (always present), then by currency code. */
    private static Map<Currency, List<ChargeLine>> byCurrency(List<ChargeLine> lines) {
        Map<Currency, List<ChargeLine>> grouped =
                new TreeMap<>(
                        Comparator.comparing((Currency c) -> !c.equals(Money.CNY))
                                .thenComparing(Currency::getCurrencyCode));
        grouped.put(Money.CNY, new ArrayList<>());
        lines.forEach(
                line ->
                        grouped.computeIfAbsent(line.amount().currency(), c -> new ArrayList<>())
                                .add(line));
        return grouped;
    }

    /** One line per key, amounts and quantities summed, in display order. */
    private static List<ChargeLine> summed(List<ChargeLine> lines) {
        return lines.stream()
                .collect(
                        Collectors.toMap(
                                ChargeLine::key,
                                line -> line,
                                ChargeLine::plus,
                                LinkedHashMap::new))
                .values()
                .stream()
                .sorted(ChargeLine.DISPLAY_ORDER)
                .toList();
    }

    private record Period(StatementKind kind, LocalDate startDay, LocalDate endDay) {}

    /** Produces statements and keeps the balances as charges move them. */
    private static final class Ledger {
        private final UUID accountId;
        private final Instant now;
        private Balances balances;
        private final List<FundsChange> charges = new ArrayList<>();
        private boolean charged;

        Ledger(UUID accountId, Balances balances, Instant now) {
            this.accountId = accountId;
            this.balances = balances;
            this.now = now;
        }

        Statement inform(Period period, Currency currency, List<ChargeLine> lines) {
            List<ChargeLine> summed = summed(lines);
            return new Statement(
                    UUID.randomUUID(),
                    accountId,
                    period.kind(),
                    period.startDay(),
                    period.endDay(),
                    StatementState.INFORMATIONAL,
                    currency,
                    summed,
                    total(summed, currency),
                    Money.zero(currency),
                    Optional.empty(),
                    false,
                    now);
        }

        /**
         * Charges the rounded total. A negative total (a catch-up after its day's overflow was
         * already charged) is credited back to cash.
         */
        Statement charge(Period period, Currency currency, List<ChargeLine> lines) {
            List<ChargeLine> summed = summed(lines);
            Money total = total(summed, currency);
            Money toCharge = total.roundedToCents();
            Funds before = balances.of(currency);
            FundsChange change =
                    toCharge.isNegative()
                            ? before.credit(FundType.CASH, toCharge.negate())
                            : before.charge(toCharge);
            balances = balances.with(change.after());
            charges.add(change);
            charged |= toCharge.isPositive();
            Money balanceAfter = change.after().total();
            return new Statement(
                    UUID.randomUUID(),
                    accountId,
                    period.kind(),
                    period.startDay(),
                    period.endDay(),
                    StatementState.SETTLED,
                    currency,
                    summed,
                    total,
                    toCharge,
                    Optional.of(balanceAfter),
                    !before.total().isNegative() && balanceAfter.isNegative(),
                    now);
        }

        private static Money total(List<ChargeLine> lines, Currency currency) {
            return lines.stream().map(ChargeLine::amount).reduce(Money.zero(currency), Money::plus);
        }
    }
}
