package dev.rtcsuite.packages.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.client.DailyBills;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.settlement.ChargeLine;
import dev.rtcsuite.packages.domain.usage.BillableItem;
import dev.rtcsuite.packages.testing.TestClock;
import dev.rtcsuite.packages.v1.Account;
import dev.rtcsuite.packages.v1.AccountNoticeKind;
import dev.rtcsuite.packages.v1.AccountStatus;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.GrantPackageRequest;
import dev.rtcsuite.packages.v1.ListAccountNoticesRequest;
import dev.rtcsuite.packages.v1.ListLedgerEntriesRequest;
import dev.rtcsuite.packages.v1.ListStatementsRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.ServiceStatus;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.packages.v1.SetSettlementCycleRequest;
import dev.rtcsuite.packages.v1.SettleDayRequest;
import dev.rtcsuite.packages.v1.SettlementCycle;
import dev.rtcsuite.packages.v1.Statement;
import dev.rtcsuite.packages.v1.StatementKind;
import dev.rtcsuite.packages.v1.StatementState;
import dev.rtcsuite.packages.v1.TopUpRequest;
import dev.rtcsuite.packages.v1.TopUpResponse;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC P-5 (daily settlement of base overflow and value-added items, top-ups) and P-6 (arrears,
 * 24-hour grace, suspension even with packages left, restore on top-up, reclaim after 60 days) with
 * the durable jobs run at the times the clock is moved to.
 */
@QuarkusTest
class SettlementAndArrearsTest {

    @GrpcClient PackagesServiceBlockingStub packages;
    @Inject TestClock clock;
    @Inject JobRunner jobs;
    @InjectMock DailyBills bills;

    @BeforeEach
    void noValueAddedUsage() {
        when(bills.valueAddedCharges(anyLong(), any())).thenReturn(List.of());
    }

    @Test
    void
            theNextDaySettlementChargesOverflowAndValueAddedAndLeavesArrearsWithTwentyFourHoursGrace() {
        Accounts account = postpaidAccountWithOverflow("2023-10-02", "10.00");
        // 1,000 HD minutes overflowed at 0.028 = 28.00; recording 12.34 from rating-service.
        when(bills.valueAddedCharges(eq(account.app), eq(LocalDate.of(2023, 10, 2))))
                .thenReturn(
                        List.of(
                                new ChargeLine(
                                        account.app,
                                        BillableItem.RECORDING_SINGLE_STREAM,
                                        Optional.of(
                                                dev.rtcsuite.packages.domain.usage.ResolutionTier
                                                        .HD),
                                        false,
                                        new BigDecimal("440.71428571"),
                                        Money.cny("12.34"))));
        grantGift(account); // packages left do not prevent the suspension (SPEC P-6)

        runJobsAt("2023-10-02T16:29:59Z"); // 00:29:59 of 2023-10-03 in Shanghai
        assertThat(statements(account)).isEmpty();
        runJobsAt("2023-10-02T16:30:00Z");

        Statement daily = statements(account).getFirst();
        assertThat(daily.getState()).isEqualTo(StatementState.STATEMENT_STATE_SETTLED);
        assertThat(ProtoMoney.amount(daily.getChargedAmount())).isEqualByComparingTo("40.34");
        assertThat(ProtoMoney.amount(daily.getBalanceAfter())).isEqualByComparingTo("-30.34");
        assertThat(daily.getArrearsTriggered()).isTrue();
        Account inArrears = account.account();
        assertThat(inArrears.getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_ARREARS);
        assertThat(ProtoTime.instant(inArrears.getGraceEndTime()))
                .isEqualTo(Instant.parse("2023-10-03T16:30:00Z"));
        ServiceStatus inGrace = status(account);
        assertThat(inGrace.getInService()).isTrue(); // sessions go on in the grace
        assertThat(inGrace.getReason())
                .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_ARREARS_GRACE);
        // SPEC P-6: the grace ends 24 h after the arrears started (the settlement at 16:30).
        assertThat(ProtoTime.instant(inGrace.getGraceEndTime()))
                .isEqualTo(Instant.parse("2023-10-03T16:30:00Z"));
        assertThat(notices(account)).contains(AccountNoticeKind.ACCOUNT_NOTICE_KIND_ARREARS);

        runJobsAt("2023-10-03T16:29:59Z");
        assertThat(account.account().getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_ARREARS);
        runJobsAt("2023-10-03T16:30:00Z");

        Account suspended = account.account();
        assertThat(suspended.getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_SUSPENDED);
        assertThat(ProtoTime.instant(suspended.getReclaimTime()))
                .isEqualTo(Instant.parse("2023-12-02T16:30:00Z"));
        ServiceStatus whileSuspended = status(account);
        assertThat(whileSuspended.getInService()).isFalse();
        assertThat(whileSuspended.getReason())
                .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_SUSPENDED_ARREARS);
        assertThat(whileSuspended.hasGraceEndTime()).isFalse(); // the grace is over

        // A top-up that brings the balance to ≥ 0 restores service at once.
        account.topUp("30.34");
        assertThat(account.account().getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_ACTIVE);
        assertThat(status(account).getInService()).isTrue();
        assertThat(status(account).hasGraceEndTime()).isFalse();
        assertThat(notices(account))
                .contains(AccountNoticeKind.ACCOUNT_NOTICE_KIND_SERVICE_RESTORED);
        // The reclaim timer finds nothing to do.
        runJobsAt("2023-12-02T16:30:00Z");
        assertThat(account.account().getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_ACTIVE);
    }

    @Test
    void suspendedForArrearsMoreThanSixtyDaysIsReclaimedAndPurged() {
        Accounts account = postpaidAccountWithOverflow("2023-11-06", "0.00");
        grantGift(account);
        runJobsAt("2023-11-06T16:30:00Z"); // settled: -28.00, grace until the next day 16:30
        runJobsAt("2023-11-07T16:30:00Z"); // suspended, reclaim due 60 days later
        assertThat(account.account().getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_SUSPENDED);

        RpcError early =
                RpcError.of(
                        () ->
                                packages.reclaimAccount(
                                        dev.rtcsuite.packages.v1.ReclaimAccountRequest.newBuilder()
                                                .setRequestId(UUID.randomUUID().toString())
                                                .setAccountId(account.accountId)
                                                .build()));
        assertThat(early.reason()).isEqualTo("RECLAIM_NOT_DUE");
        runJobsAt("2024-01-06T16:29:59Z");
        assertThat(account.account().getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_SUSPENDED);
        runJobsAt("2024-01-06T16:30:00Z");

        assertThat(account.account().getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_RECLAIMED);
        assertThat(account.packages()).isEmpty();
        assertThat(status(account).getReason())
                .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_RECLAIMED);
        assertThat(notices(account)).contains(AccountNoticeKind.ACCOUNT_NOTICE_KIND_RECLAIMED);
    }

    @Test
    void aRetriedTopUpCreditsOnceAndSettleDayIsIdempotentPerDay() {
        Accounts account = postpaidAccountWithOverflow("2023-12-04", "0.00");
        TopUpRequest topUp =
                TopUpRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account.accountId)
                        .setAmount(Accounts.cny("100.00"))
                        .setExternalReference("order-1")
                        .build();
        TopUpResponse first = packages.topUp(topUp);
        TopUpResponse retry = packages.topUp(topUp);

        assertThat(retry).isEqualTo(first);
        assertThat(account.cashTotal()).isEqualByComparingTo("100.00");
        assertThat(
                        packages.listLedgerEntries(
                                        ListLedgerEntriesRequest.newBuilder()
                                                .setAccountId(account.accountId)
                                                .build())
                                .getEntriesList())
                .hasSize(1);

        RpcError notOver = RpcError.of(() -> settle(account, "2023-12-04"));
        assertThat(notOver.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(notOver.reason()).isEqualTo("BILLING_DAY_NOT_OVER");

        assertThat(unsettled(account)).isEqualByComparingTo("28.00");
        clock.set(Instant.parse("2023-12-04T16:00:00Z"));
        List<Statement> settled = settle(account, "2023-12-04");
        assertThat(unsettled(account)).isEqualByComparingTo("0");
        List<Statement> again = settle(account, "2023-12-04");
        runJobsAt("2023-12-04T16:30:00Z"); // the scheduled settlement finds the day settled

        assertThat(again).isEqualTo(settled);
        assertThat(ProtoMoney.amount(settled.getFirst().getChargedAmount()))
                .isEqualByComparingTo("28.00");
        assertThat(account.cashTotal()).isEqualByComparingTo("72.00");
        assertThat(statements(account)).hasSize(1);
    }

    @Test
    void unsettledChargesAreTheOverflowOfEveryDayNotSettledYetWhateverTheOrderOfSettling() {
        // SPEC P-5: 1,000 HD minutes overflow at 0.028 a day, on three days.
        Accounts account = postpaidAccountWithOverflow("2023-12-04", "0.00");
        clock.set(Instant.parse("2023-12-06T16:00:00Z")); // the three days are over
        account.deduct("2023-12-05", ResolutionTier.RESOLUTION_TIER_HD, 120, 1_000);
        account.deduct("2023-12-06", ResolutionTier.RESOLUTION_TIER_HD, 120, 1_000);
        assertThat(unsettled(account)).isEqualByComparingTo("84.00");

        settle(account, "2023-12-05");
        assertThat(unsettled(account)).isEqualByComparingTo("56.00");
        settle(account, "2023-12-04");
        assertThat(unsettled(account)).isEqualByComparingTo("28.00");
        settle(account, "2023-12-06");
        assertThat(unsettled(account)).isEqualByComparingTo("0");
    }

    @Test
    void everyDayOfAPostpaidAccountIsSettledAlsoOneWithOnlyValueAddedUsage() {
        // SPEC P-5: each billing day's postpaid charges, every value-added item included, are
        // settled the next day. No deduction ever happens here: the trial still covers base
        // service, and recording is billed by rating-service only.
        clock.set(Instant.parse("2023-08-14T02:00:00Z")); // 10:00 in Shanghai
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        account.topUp("20.00");
        packages.enablePostpaid(
                dev.rtcsuite.packages.v1.EnablePostpaidRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account.accountId)
                        .build());
        when(bills.valueAddedCharges(eq(account.app), eq(LocalDate.of(2023, 8, 16))))
                .thenReturn(List.of(recording(account, "12.34")));

        runJobsAt("2023-08-14T16:30:00Z"); // 2023-08-14 had no postpaid usage: no statement
        runJobsAt("2023-08-15T16:30:00Z"); // nor 2023-08-15
        assertThat(statements(account)).isEmpty();
        runJobsAt("2023-08-16T16:29:59Z");
        assertThat(statements(account)).isEmpty();
        runJobsAt("2023-08-16T16:30:00Z"); // 00:30 of 2023-08-17 in Shanghai

        Statement recordingOnly = statements(account).getFirst();
        assertThat(ProtoTime.localDate(recordingOnly.getStartDay()))
                .contains(LocalDate.of(2023, 8, 16));
        assertThat(recordingOnly.getState()).isEqualTo(StatementState.STATEMENT_STATE_SETTLED);
        assertThat(ProtoMoney.amount(recordingOnly.getChargedAmount()))
                .isEqualByComparingTo("12.34");
        assertThat(account.cashTotal()).isEqualByComparingTo("7.66");
        // Once per day, however often the jobs run.
        runJobsAt("2023-08-18T16:30:00Z");
        assertThat(statements(account)).hasSize(1);
        assertThat(account.cashTotal()).isEqualByComparingTo("7.66");
    }

    @Test
    void monthlyAccountIsChargedTheMonthOnTheFirstOfTheNextMonth() {
        // SPEC P-5: the month's postpaid charges are settled on the 1st of the next month; daily
        // statements are still produced. The month's last day has no usage at all: its
        // settlement (every postpaid day has one) still closes the month.
        clock.set(Instant.parse("2023-05-30T02:00:00Z")); // 10:00 in Shanghai
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_CONTINUE);
        account.topUp("100.00");
        Account monthly =
                packages.setSettlementCycle(
                                SetSettlementCycleRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setAccountId(account.accountId)
                                        .setSettlementCycle(
                                                SettlementCycle.SETTLEMENT_CYCLE_MONTHLY)
                                        .build())
                        .getAccount();
        assertThat(monthly.getSettlementCycle())
                .isEqualTo(SettlementCycle.SETTLEMENT_CYCLE_MONTHLY);
        account.deduct("2023-05-30", ResolutionTier.RESOLUTION_TIER_AUDIO, 0, 10_000); // trial
        // 1,000 HD minutes beyond packages at 0.028 (SPEC R-3) = 28.00 postpaid.
        account.deduct("2023-05-30", ResolutionTier.RESOLUTION_TIER_HD, 120, 1_000);

        runJobsAt("2023-05-30T16:30:00Z"); // 00:30 on 2023-05-31 in Shanghai
        Statement day = statements(account).getFirst();
        assertThat(day.getKind()).isEqualTo(StatementKind.STATEMENT_KIND_DAILY);
        assertThat(day.getState()).isEqualTo(StatementState.STATEMENT_STATE_INFORMATIONAL);
        assertThat(ProtoMoney.amount(day.getTotalAmount())).isEqualByComparingTo("28.00");
        assertThat(account.cashTotal()).isEqualByComparingTo("100.00");

        runJobsAt("2023-05-31T16:30:00Z"); // 00:30 on 2023-06-01
        List<Statement> months =
                statements(account).stream()
                        .filter(s -> s.getKind() == StatementKind.STATEMENT_KIND_MONTHLY)
                        .toList();
        assertThat(months).hasSize(1);
        Statement may = months.getFirst();
        assertThat(ProtoTime.localDate(may.getStartDay())).contains(LocalDate.of(2023, 5, 30));
        assertThat(ProtoTime.localDate(may.getEndDay())).contains(LocalDate.of(2023, 5, 31));
        assertThat(may.getState()).isEqualTo(StatementState.STATEMENT_STATE_SETTLED);
        assertThat(ProtoMoney.amount(may.getChargedAmount())).isEqualByComparingTo("28.00");
        assertThat(ProtoMoney.amount(may.getBalanceAfter())).isEqualByComparingTo("72.00");
        assertThat(account.cashTotal()).isEqualByComparingTo("72.00");
    }

    /** An account on postpaid whose trial was used up, then 1,000 HD minutes overflowed on day. */
    private Accounts postpaidAccountWithOverflow(String day, String balance) {
        clock.set(
                LocalDate.parse(day)
                        .atTime(10, 0)
                        .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                        .toInstant());
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_CONTINUE);
        if (new BigDecimal(balance).signum() > 0) {
            account.topUp(balance);
        }
        account.deduct(day, ResolutionTier.RESOLUTION_TIER_AUDIO, 0, 10_000);
        account.deduct(day, ResolutionTier.RESOLUTION_TIER_HD, 120, 1_000);
        return account;
    }

    private void grantGift(Accounts account) {
        packages.grantPackage(
                GrantPackageRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account.accountId)
                        .setMinutes(5_000)
                        .setNote("kept for the suspension check")
                        .build());
    }

    private void runJobsAt(String instant) {
        clock.set(Instant.parse(instant));
        jobs.runDue(clock.instant(), 10_000);
    }

    private List<Statement> settle(Accounts account, String day) {
        return packages.settleDay(
                        SettleDayRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccountId(account.accountId)
                                .setBillingDay(Accounts.date(day))
                                .build())
                .getStatementsList();
    }

    private BigDecimal unsettled(Accounts account) {
        return ProtoMoney.amount(
                packages.getBalance(
                                dev.rtcsuite.packages.v1.GetBalanceRequest.newBuilder()
                                        .setAccountId(account.accountId)
                                        .build())
                        .getBalances(0)
                        .getUnsettledCharges());
    }

    private List<Statement> statements(Accounts account) {
        return packages.listStatements(
                        ListStatementsRequest.newBuilder().setAccountId(account.accountId).build())
                .getStatementsList();
    }

    private ServiceStatus status(Accounts account) {
        return packages.getServiceStatus(
                        GetServiceStatusRequest.newBuilder().setSdkAppId(account.app).build())
                .getStatus();
    }

    private List<AccountNoticeKind> notices(Accounts account) {
        return packages
                .listAccountNotices(
                        ListAccountNoticesRequest.newBuilder()
                                .setAccountId(account.accountId)
                                .build())
                .getNoticesList()
                .stream()
                .map(n -> n.getKind())
                .toList();
    }

    private static ChargeLine recording(Accounts account, String amount) {
        return new ChargeLine(
                account.app,
                BillableItem.RECORDING_SINGLE_STREAM,
                Optional.of(dev.rtcsuite.packages.domain.usage.ResolutionTier.HD),
                false,
                new BigDecimal("440.71428571"),
                Money.cny(amount));
    }
}
