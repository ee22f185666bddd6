package dev.rtcsuite.packages.domain.settlement;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.ZONE;
import static dev.rtcsuite.packages.domain.PackageFixtures.assertRefused;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.deduction.DeductionKind;
import dev.rtcsuite.packages.domain.deduction.UsageKey;
import dev.rtcsuite.packages.domain.deduction.UsageMinutes;
import dev.rtcsuite.packages.domain.money.Balances;
import dev.rtcsuite.packages.domain.money.Funds;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.usage.BillableItem;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC P-5: daily and monthly settlement against per-currency funds. */
class DaySettlementTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final Instant NEXT_MORNING = at("2026-03-11T02:00:00");
    private static final long APP = 1_400_000_001L;
    private static final Currency USD = Currency.getInstance("USD");

    private final Balances funded =
            Balances.empty()
                    .with(new Funds(Money.cny("10.00"), Money.cny("0.50"), Money.cny("1.00")));

    @Test
    void dailyAccountIsChargedTheRoundedTotalNotTheSumOfRoundedLines() {
        List<ChargeLine> charges =
                List.of(
                        baseOverflow(ResolutionTier.HD, "10", "0.50"),
                        baseOverflow(ResolutionTier.HD, "10", "0.504"),
                        recording("1.004"));

        DaySettlement.Result result = settleDaily(charges, funded);

        Statement daily = result.statements().getFirst();
        assertThat(result.statements()).hasSize(1);
        assertThat(daily.kind()).isEqualTo(StatementKind.DAILY);
        assertThat(daily.state()).isEqualTo(StatementState.SETTLED);
        assertThat(daily.lines())
                .extracting(ChargeLine::item, ChargeLine::amount, ChargeLine::roundedAmount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                BillableItem.BASE_SERVICE, Money.cny("1.004"), Money.cny("1.00")),
                        org.assertj.core.groups.Tuple.tuple(
                                BillableItem.RECORDING_SINGLE_STREAM,
                                Money.cny("1.004"),
                                Money.cny("1.00")));
        assertThat(daily.lines().getFirst().quantity()).isEqualByComparingTo("20");
        assertThat(daily.totalAmount()).isEqualTo(Money.cny("2.008"));
        assertThat(daily.chargedAmount()).isEqualTo(Money.cny("2.01"));
        // gift 1.00, then income transfer 0.50, then 0.51 of cash
        assertThat(result.balancesAfter().of(Money.CNY))
                .isEqualTo(new Funds(Money.cny("9.49"), Money.cny("0"), Money.cny("0")));
        assertThat(daily.balanceAfter()).contains(Money.cny("9.49"));
        assertThat(daily.arrearsTriggered()).isFalse();
        assertThat(result.leftDebt()).isFalse();
    }

    @Test
    void chargeBeyondTheBalanceTakesCashNegativeAndTriggersArrears() {
        DaySettlement.Result result = settleDaily(List.of(recording("12.00")), funded);

        Statement daily = result.statements().getFirst();
        assertThat(result.balancesAfter().of(Money.CNY).cash()).isEqualTo(Money.cny("-0.50"));
        assertThat(daily.balanceAfter()).contains(Money.cny("-0.50"));
        assertThat(daily.arrearsTriggered()).isTrue();
        assertThat(result.leftDebt()).isTrue();

        DaySettlement.Result nextDay =
                DaySettlement.settle(
                        ACCOUNT,
                        SettlementCycle.DAILY,
                        DAY.plusDays(1),
                        ZONE,
                        List.of(recording("1.00")),
                        List.of(),
                        result.balancesAfter(),
                        NEXT_MORNING.plusSeconds(86_400));
        assertThat(nextDay.statements().getFirst().arrearsTriggered()).isFalse();
        assertThat(nextDay.leftDebt()).isTrue();
    }

    @Test
    void eachCurrencyIsSettledAgainstItsOwnFundsAndCnyAlwaysGetsAStatement() {
        ChargeLine inClass =
                new ChargeLine(
                        APP,
                        BillableItem.IN_CLASS_RECORDING,
                        Optional.empty(),
                        false,
                        new BigDecimal("30"),
                        Money.of("0.30", USD));

        DaySettlement.Result result = settleDaily(List.of(inClass), funded);

        assertThat(result.statements())
                .extracting(Statement::currency, Statement::chargedAmount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Money.CNY, Money.cny("0")),
                        org.assertj.core.groups.Tuple.tuple(USD, Money.of("0.30", USD)));
        assertThat(result.balancesAfter().of(Money.CNY)).isEqualTo(funded.of(Money.CNY));
        assertThat(result.balancesAfter().of(USD).total()).isEqualTo(Money.of("-0.30", USD));
        assertThat(result.leftDebt()).isTrue();
    }

    @Test
    void dayIsSettledOnlyOnceItHasEndedInTheBillingZone() {
        assertRefused(
                () ->
                        DaySettlement.settle(
                                ACCOUNT,
                                SettlementCycle.DAILY,
                                DAY,
                                ZONE,
                                List.of(),
                                List.of(),
                                funded,
                                at("2026-03-10T23:59:59")),
                PackageErrors.BILLING_DAY_NOT_OVER);

        assertThat(
                        DaySettlement.settle(
                                        ACCOUNT,
                                        SettlementCycle.DAILY,
                                        DAY,
                                        ZONE,
                                        List.of(),
                                        List.of(),
                                        funded,
                                        at("2026-03-11T00:00:00"))
                                .statements())
                .hasSize(1);
    }

    @Test
    void monthlyAccountGetsInformationalDailyStatementsAndIsChargedForTheMonthOnItsLastDay() {
        DaySettlement.Result mid =
                settle(
                        SettlementCycle.MONTHLY,
                        DAY,
                        List.of(recording("1.004")),
                        List.of(),
                        funded);
        Statement midDay = mid.statements().getFirst();

        assertThat(mid.statements()).hasSize(1);
        assertThat(midDay.state()).isEqualTo(StatementState.INFORMATIONAL);
        assertThat(midDay.chargedAmount()).isEqualTo(Money.cny("0"));
        assertThat(midDay.balanceAfter()).isEmpty();
        assertThat(mid.balancesAfter()).isEqualTo(funded);
        assertThat(mid.charges()).isEmpty();

        LocalDate lastDay = LocalDate.of(2026, 3, 31);
        Statement firstDay =
                settle(
                                SettlementCycle.MONTHLY,
                                LocalDate.of(2026, 3, 1),
                                List.of(recording("2.00")),
                                List.of(),
                                funded)
                        .statements()
                        .getFirst();
        DaySettlement.Result end =
                settle(
                        SettlementCycle.MONTHLY,
                        lastDay,
                        List.of(recording("1.004")),
                        List.of(firstDay, midDay),
                        funded);

        assertThat(end.statements())
                .extracting(Statement::kind, Statement::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                StatementKind.DAILY, StatementState.INFORMATIONAL),
                        org.assertj.core.groups.Tuple.tuple(
                                StatementKind.MONTHLY, StatementState.SETTLED));
        Statement month = end.statements().get(1);
        assertThat(month.startDay()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(month.endDay()).isEqualTo(lastDay);
        assertThat(month.lines()).hasSize(1);
        assertThat(month.totalAmount()).isEqualTo(Money.cny("4.008"));
        assertThat(month.chargedAmount()).isEqualTo(Money.cny("4.01"));
        assertThat(month.balanceAfter()).contains(Money.cny("7.49"));
    }

    @Test
    void switchingBackToDailyChargesTheLeftoverInformationalDaysWithTheNextDay() {
        Statement informational =
                settle(SettlementCycle.MONTHLY, DAY, List.of(recording("3.00")), List.of(), funded)
                        .statements()
                        .getFirst();

        DaySettlement.Result result =
                settle(
                        SettlementCycle.DAILY,
                        DAY.plusDays(1),
                        List.of(recording("1.00")),
                        List.of(informational),
                        funded);

        assertThat(result.statements())
                .extracting(Statement::kind, Statement::startDay, Statement::chargedAmount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                StatementKind.DAILY, DAY.plusDays(1), Money.cny("1.00")),
                        org.assertj.core.groups.Tuple.tuple(
                                StatementKind.MONTHLY, DAY, Money.cny("3.00")));
        assertThat(result.balancesAfter().of(Money.CNY).total()).isEqualTo(Money.cny("7.50"));
    }

    @ParameterizedTest(name = "{0} {1}, charges {2}, uncharged days {3} → idle {4}")
    @CsvSource({
        "DAILY,   2026-03-10, false, false, true",
        "DAILY,   2026-03-10, true,  false, false",
        "DAILY,   2026-03-10, false, true,  false",
        "MONTHLY, 2026-03-10, false, true,  true",
        "MONTHLY, 2026-03-31, false, true,  false",
        "MONTHLY, 2026-03-31, false, false, true",
        "MONTHLY, 2026-03-10, true,  false, false",
    })
    void dayIsIdleWithoutChargesUnlessEarlierInformationalDaysFallDue(
            SettlementCycle cycle,
            LocalDate day,
            boolean charged,
            boolean unchargedDays,
            boolean idle) {
        List<Statement> uncharged =
                unchargedDays
                        ? settle(
                                        SettlementCycle.MONTHLY,
                                        LocalDate.of(2026, 3, 2),
                                        List.of(recording("3.00")),
                                        List.of(),
                                        funded)
                                .statements()
                        : List.of();

        assertThat(
                        DaySettlement.isIdle(
                                cycle,
                                day,
                                charged ? List.of(recording("1.00")) : List.of(),
                                uncharged))
                .isEqualTo(idle);
    }

    @Test
    void overflowTakenOverByACatchUpIsNotCharged() {
        UsageKey key = new UsageKey(APP, DAY, ResolutionTier.HD, 0);
        Deduction overflow = deduction(key, DeductionKind.INTERVAL, UsageMinutes.of(10), "0.28");
        Deduction catchUp =
                deduction(key, DeductionKind.ACTIVATION_CATCH_UP, UsageMinutes.of(-10), "-0.28");

        DaySettlement.Result result =
                settleDaily(
                        List.of(ChargeLine.ofOverflow(overflow), ChargeLine.ofOverflow(catchUp)),
                        funded);

        Statement daily = result.statements().getFirst();
        assertThat(daily.lines()).hasSize(1);
        assertThat(daily.lines().getFirst().quantity()).isEqualByComparingTo("0");
        assertThat(daily.chargedAmount()).isEqualTo(Money.cny("0"));
        assertThat(result.balancesAfter()).isEqualTo(funded);
    }

    @Test
    void overflowLineCarriesFractionalMinutesToEightDecimals() {
        Deduction overflow =
                deduction(
                        new UsageKey(APP, DAY, ResolutionTier.FHD, 7),
                        DeductionKind.INTERVAL,
                        new UsageMinutes(2, 9),
                        "0.014");

        ChargeLine line = ChargeLine.ofOverflow(overflow);

        assertThat(line.item()).isEqualTo(BillableItem.BASE_SERVICE);
        assertThat(line.tier()).contains(ResolutionTier.FHD);
        assertThat(line.quantity()).isEqualByComparingTo("0.22222222");
        assertThat(line.amount()).isEqualTo(Money.cny("0.014"));
    }

    private static Deduction deduction(
            UsageKey key, DeductionKind kind, UsageMinutes postpaid, String amount) {
        return new Deduction(
                UUID.randomUUID(),
                ACCOUNT,
                key,
                kind,
                kind == DeductionKind.INTERVAL ? postpaid.ceil() : 0,
                List.of(),
                postpaid,
                Money.cny(amount),
                Money.cny("0.028"),
                NEXT_MORNING);
    }

    private static ChargeLine baseOverflow(ResolutionTier tier, String minutes, String amount) {
        return new ChargeLine(
                APP,
                BillableItem.BASE_SERVICE,
                Optional.of(tier),
                false,
                new BigDecimal(minutes),
                Money.cny(amount));
    }

    private static ChargeLine recording(String amount) {
        return new ChargeLine(
                APP,
                BillableItem.RECORDING_SINGLE_STREAM,
                Optional.of(ResolutionTier.HD),
                false,
                new BigDecimal("60"),
                Money.cny(amount));
    }

    private static DaySettlement.Result settleDaily(List<ChargeLine> charges, Balances balances) {
        return settle(SettlementCycle.DAILY, DAY, charges, List.of(), balances);
    }

    private static DaySettlement.Result settle(
            SettlementCycle cycle,
            LocalDate day,
            List<ChargeLine> charges,
            List<Statement> unchargedDays,
            Balances balances) {
        return DaySettlement.settle(
                ACCOUNT,
                cycle,
                day,
                ZONE,
                charges,
                unchargedDays,
                balances,
                day.plusDays(1).atStartOfDay(ZONE).toInstant().plusSeconds(7_200));
    }
}
