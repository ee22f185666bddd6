package dev.rtcsuite.packages.domain;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.ZONE;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.domain.deduction.ActivationCatchUp;
import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.deduction.Deductor;
import dev.rtcsuite.packages.domain.deduction.IntervalUsage;
import dev.rtcsuite.packages.domain.deduction.UsageKey;
import dev.rtcsuite.packages.domain.deduction.UsageMinutes;
import dev.rtcsuite.packages.domain.money.Balances;
import dev.rtcsuite.packages.domain.money.FundType;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import dev.rtcsuite.packages.domain.prepaid.FixedPackageSize;
import dev.rtcsuite.packages.domain.prepaid.FreeTrial;
import dev.rtcsuite.packages.domain.prepaid.GeneralPackagePricing;
import dev.rtcsuite.packages.domain.prepaid.PackageForSale;
import dev.rtcsuite.packages.domain.prepaid.PackagePurchase;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.settlement.ChargeLine;
import dev.rtcsuite.packages.domain.settlement.DaySettlement;
import dev.rtcsuite.packages.domain.settlement.SettlementCycle;
import dev.rtcsuite.packages.domain.standing.AccountNotice;
import dev.rtcsuite.packages.domain.standing.AccountNoticeKind;
import dev.rtcsuite.packages.domain.standing.ServiceStanding;
import dev.rtcsuite.packages.domain.standing.StandingChange;
import dev.rtcsuite.packages.domain.standing.StandingEvent;
import dev.rtcsuite.packages.domain.standing.StandingMachine;
import dev.rtcsuite.packages.domain.usage.BillableItem;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPEC P-2 … P-6 end to end, composed the way the application layer will: trial used up under the
 * STOP policy, a purchase restoring service and taking over the day's overflow, packages running
 * out into postpaid, settlement into arrears, suspension and a top-up restoring service.
 */
class PackageLifecycleScenarioTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final Money HD_LIST_PRICE = Money.cny("0.028");

    private final Map<UUID, PrepaidPackage> packages = new LinkedHashMap<>();
    private final List<Deduction> deductions = new ArrayList<>();
    private final List<AccountNotice> notices = new ArrayList<>();
    private ServiceStanding standing = ServiceStanding.opened(ACCOUNT);
    private Balances balances = Balances.empty();

    @Test
    void trialToStopToPurchaseToPostpaidToArrearsAndBack() {
        // SPEC P-2: the first app grants the trial; 10,000 HD minutes use it up at 1:1.
        store(FreeTrial.grantWithApp(ACCOUNT, 0, at("2026-01-05T10:00:00"), ZONE).orElseThrow());
        deduct(0, 9_990, at("2026-03-10T00:05:00"));
        Deduction overflowing = deduct(1, 30, at("2026-03-10T00:10:00"));
        assertThat(overflowing.packageMinutes()).isEqualTo(10);
        assertThat(overflowing.postpaidUsageMinutes()).isEqualTo(UsageMinutes.of(20));

        // Nothing left and postpaid off: the STOP policy stops service.
        checkRunOut(at("2026-03-10T00:10:00"));
        assertThat(standing.status()).isEqualTo(AccountStatus.STOPPED);
        assertThat(standing.reason()).isEqualTo(StatusReason.TRIAL_EXHAUSTED);

        // SPEC P-3: buying a package restores service at once ...
        Instant bought = at("2026-03-10T09:00:00");
        balances =
                balances.with(
                        balances.of(Money.CNY).credit(FundType.CASH, Money.cny("200")).after());
        PackagePurchase.Purchase purchase =
                PackagePurchase.buy(
                        standing,
                        PackageForSale.general(
                                GeneralPackagePricing.quote(FixedPackageSize.SIZE_25K)),
                        Money.cny("0"),
                        balances.of(Money.CNY),
                        bought,
                        ZONE,
                        PackagePurchase.DEFAULT_ACTIVATION_DELAY);
        balances = balances.with(purchase.payment().after());
        store(purchase.prepaidPackage());
        apply(new StandingEvent.PackageAvailable(bought));
        assertThat(standing.status()).isEqualTo(AccountStatus.ACTIVE);

        // ... and five minutes later it takes over the day's 20 overflowed HD minutes (80 minutes).
        ActivationCatchUp.Activation activation =
                ActivationCatchUp.activate(
                        purchase.prepaidPackage(), deductions, at("2026-03-10T09:05:00"));
        store(activation.activated());
        deductions.addAll(activation.catchUps());
        assertThat(activation.activated().remainingMinutes()).isEqualTo(25_000 - 80);

        // The package runs out too: an account that bought a package gets postpaid, not a stop.
        deduct(120, 6_300, at("2026-03-10T10:05:00"));
        checkRunOut(at("2026-03-10T10:05:00"));
        assertThat(standing.postpaidEnabled()).isTrue();
        assertThat(standing.status()).isEqualTo(AccountStatus.ACTIVE);

        // SPEC P-5: the day settles: 6,300 HD minutes need 25,200 package minutes, 24,920 were
        // left:
        // 70 usage minutes overflow at 0.028 = 1.96, against 32.00 of cash → 30.04 left.
        DaySettlement.Result settled =
                DaySettlement.settle(
                        ACCOUNT,
                        SettlementCycle.DAILY,
                        DAY,
                        ZONE,
                        deductions.stream().map(ChargeLine::ofOverflow).toList(),
                        List.of(),
                        balances,
                        at("2026-03-11T01:00:00"));
        assertThat(settled.statements().getFirst().chargedAmount()).isEqualTo(Money.cny("1.96"));
        assertThat(settled.balancesAfter().of(Money.CNY).total()).isEqualTo(Money.cny("30.04"));
        assertThat(settled.leftDebt()).isFalse();

        // SPEC P-6: a big value-added charge the next day leaves the balance negative.
        DaySettlement.Result inDebt =
                DaySettlement.settle(
                        ACCOUNT,
                        SettlementCycle.DAILY,
                        DAY.plusDays(1),
                        ZONE,
                        List.of(recordingCharge("45.00")),
                        List.of(),
                        settled.balancesAfter(),
                        at("2026-03-12T01:00:00"));
        balances = inDebt.balancesAfter();
        assertThat(inDebt.leftDebt()).isTrue();
        apply(new StandingEvent.SettlementLeftDebt(at("2026-03-12T01:00:00")));
        assertThat(standing.status()).isEqualTo(AccountStatus.ARREARS);

        apply(new StandingEvent.TimePassed(at("2026-03-13T01:00:00")));
        assertThat(standing.status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(standing.reason()).isEqualTo(StatusReason.SUSPENDED_ARREARS);

        // A top-up that brings the balance to ≥ 0 restores service at once.
        balances =
                balances.with(
                        balances.of(Money.CNY).credit(FundType.CASH, Money.cny("14.96")).after());
        apply(new StandingEvent.FundsAdded(at("2026-03-13T09:00:00"), balances));
        assertThat(balances.of(Money.CNY).total()).isEqualTo(Money.cny("0.00"));
        assertThat(standing.status()).isEqualTo(AccountStatus.ACTIVE);

        assertThat(notices)
                .extracting(AccountNotice::kind)
                .containsExactly(
                        AccountNoticeKind.SERVICE_STOPPED,
                        AccountNoticeKind.SERVICE_RESTORED,
                        AccountNoticeKind.POSTPAID_ENABLED,
                        AccountNoticeKind.ARREARS,
                        AccountNoticeKind.SUSPENDED_ARREARS,
                        AccountNoticeKind.SERVICE_RESTORED);
    }

    private Deduction deduct(int interval, long hdMinutes, Instant now) {
        IntervalUsage usage =
                new IntervalUsage(
                        new UsageKey(1_400_000_001L, DAY, ResolutionTier.HD, interval),
                        hdMinutes,
                        HD_LIST_PRICE);
        Deductor.Outcome outcome =
                Deductor.deduct(ACCOUNT, usage, Optional.empty(), accountPackages(), now);
        outcome.changedPackages().forEach(this::store);
        deductions.add(outcome.deduction());
        return outcome.deduction();
    }

    /** What the application layer does after a deduction that overflowed. */
    private void checkRunOut(Instant now) {
        AccountPackages all = accountPackages();
        if (!all.anyUsableOrPending(now)) {
            apply(
                    new StandingEvent.PackagesRanOut(
                            now, TrialExhaustionPolicy.STOP, all.anyPurchased()));
        }
    }

    private void apply(StandingEvent event) {
        StandingChange change = StandingMachine.apply(standing, event);
        standing = change.after();
        notices.addAll(change.notices());
    }

    private void store(PrepaidPackage prepaidPackage) {
        packages.put(prepaidPackage.packageId(), prepaidPackage);
    }

    private AccountPackages accountPackages() {
        return new AccountPackages(List.copyOf(packages.values()));
    }

    private static ChargeLine recordingCharge(String amount) {
        return new ChargeLine(
                1_400_000_001L,
                BillableItem.RECORDING_MIXED_STREAM,
                Optional.of(ResolutionTier.HD),
                false,
                new BigDecimal("600"),
                Money.cny(amount));
    }
}
