package dev.rtcsuite.packages.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.testing.TestClock;
import dev.rtcsuite.packages.v1.AccountNoticeKind;
import dev.rtcsuite.packages.v1.AccountStatus;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.DeductUsageRequest;
import dev.rtcsuite.packages.v1.Deduction;
import dev.rtcsuite.packages.v1.DeductionRatio;
import dev.rtcsuite.packages.v1.FixedPackageSize;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.GrantPackageRequest;
import dev.rtcsuite.packages.v1.ListAccountNoticesRequest;
import dev.rtcsuite.packages.v1.ListDeductionsRequest;
import dev.rtcsuite.packages.v1.PackageDeduction;
import dev.rtcsuite.packages.v1.PackageKind;
import dev.rtcsuite.packages.v1.PackageState;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.PrepaidPackage;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC P-2 (free trial), P-3 (ratios, stacking, order) and P-4 (deduction) through the API. */
@QuarkusTest
class TrialAndDeductionTest {

    @GrpcClient PackagesServiceBlockingStub packages;
    @Inject TestClock clock;
    @Inject JobRunner jobs;

    @Test
    void firstAppGrantsTenThousandTrialMinutesValidTo20210531AndTheSecondAppNothing() {
        // SPEC P-2: granted 2020-05-01 → valid through 2021-05-31, end of day.
        clock.set(Instant.parse("2020-05-01T02:00:00Z")); // 10:00 in Asia/Shanghai
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        packages.createApp(
                CreateAppRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account.accountId)
                        .setName("second")
                        .build());

        List<PrepaidPackage> all = account.packages();
        assertThat(all).hasSize(1);
        PrepaidPackage trial = all.getFirst();
        assertThat(trial.getKind()).isEqualTo(PackageKind.PACKAGE_KIND_FREE_TRIAL);
        assertThat(trial.getState()).isEqualTo(PackageState.PACKAGE_STATE_ACTIVE);
        assertThat(trial.getTotalMinutes()).isEqualTo(10_000);
        assertThat(ProtoTime.localDate(trial.getLastValidDay()))
                .contains(LocalDate.of(2021, 5, 31));
        assertThat(ProtoTime.instant(trial.getExpireTime()))
                .isEqualTo(Instant.parse("2021-05-31T16:00:00Z")); // 2021-06-01 00:00 +08:00
        assertThat(trial.getDeductionRatiosList())
                .extracting(DeductionRatio::getPackageMinutes)
                .containsExactly(1, 1, 1, 1, 1, 1);
        assertThat(trial.getRefundable()).isFalse();
        assertThat(trial.hasRefundDeadlineTime()).isFalse();
    }

    @Test
    void trialExpiringUnderTheStopPolicyStopsServiceAndForfeitsTheRest() {
        clock.set(Instant.parse("2020-05-01T02:00:00Z"));
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        account.deduct("2020-05-01", ResolutionTier.RESOLUTION_TIER_HD, 120, 100);

        clock.set(Instant.parse("2021-05-31T15:59:59Z"));
        jobs.runDue(clock.instant(), 10_000);
        assertThat(account.trial().getState()).isEqualTo(PackageState.PACKAGE_STATE_ACTIVE);

        clock.set(Instant.parse("2021-05-31T16:00:00Z")); // 2021-06-01 00:00 in Shanghai
        jobs.runDue(clock.instant(), 10_000);

        PrepaidPackage trial = account.trial();
        assertThat(trial.getState()).isEqualTo(PackageState.PACKAGE_STATE_EXPIRED);
        assertThat(trial.getRemainingMinutes()).isEqualTo(9_900);
        assertThat(account.account().getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_STOPPED);
        var status =
                packages.getServiceStatus(
                                GetServiceStatusRequest.newBuilder()
                                        .setSdkAppId(account.app)
                                        .build())
                        .getStatus();
        assertThat(status.getInService()).isFalse();
        assertThat(status.getReason())
                .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_TRIAL_EXHAUSTED);
        assertThat(noticeKinds(account))
                .contains(AccountNoticeKind.ACCOUNT_NOTICE_KIND_SERVICE_STOPPED);

        // SPEC P-6: stopped until a package is bought.
        account.topUp("168.00");
        account.buy(FixedPackageSize.FIXED_PACKAGE_SIZE_25K);
        assertThat(account.account().getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_ACTIVE);
    }

    @Test
    void trialUsedUpUnderTheContinuePolicySwitchesPostpaidOn() {
        clock.set(Instant.parse("2023-03-01T02:00:00Z"));
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_CONTINUE);

        Deduction d = account.deduct("2023-03-01", ResolutionTier.RESOLUTION_TIER_FHD, 120, 10_050);

        assertThat(d.getPackageDeductionsList()).hasSize(1);
        assertThat(d.getPackageDeductions(0).getPackageMinutes()).isEqualTo(10_000);
        assertThat(d.getPostpaidUsageMinutes().getValue()).isEqualTo("50.00000000");
        assertThat(account.account().getPostpaidEnabled()).isTrue();
        assertThat(account.account().getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_ACTIVE);
        assertThat(noticeKinds(account))
                .contains(AccountNoticeKind.ACCOUNT_NOTICE_KIND_POSTPAID_ENABLED);
    }

    @Test
    void generalPackagesDeductOneTwoFourNineSixteenThirtySixPackageMinutesPerUsageMinute() {
        // SPEC P-3 ratio table; 1 HD minute uses 4 package minutes.
        clock.set(Instant.parse("2023-04-03T02:00:00Z"));
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        exhaustTrial(account, "2023-04-03");
        account.topUp("168.00");
        PrepaidPackage general = account.buy(FixedPackageSize.FIXED_PACKAGE_SIZE_25K);
        clock.set(Instant.parse("2023-04-03T02:05:00Z"));
        jobs.runDue(clock.instant(), 10_000);

        ResolutionTier[] tiers = {
            ResolutionTier.RESOLUTION_TIER_AUDIO,
            ResolutionTier.RESOLUTION_TIER_SD,
            ResolutionTier.RESOLUTION_TIER_HD,
            ResolutionTier.RESOLUTION_TIER_FHD,
            ResolutionTier.RESOLUTION_TIER_QHD,
            ResolutionTier.RESOLUTION_TIER_UHD
        };
        long[] expected = {10, 20, 40, 90, 160, 360};
        long remaining = 25_000;
        for (int i = 0; i < tiers.length; i++) {
            Deduction d = account.deduct("2023-04-03", tiers[i], 200 + i, 10);
            PackageDeduction part = d.getPackageDeductions(0);
            remaining -= expected[i];
            assertThat(part.getPackageId()).isEqualTo(general.getPackageId());
            assertThat(part.getPackageMinutes()).isEqualTo(expected[i]);
            assertThat(part.getUsageMinutes().getValue()).isEqualTo("10.00000000");
            assertThat(part.getRemainingMinutes()).isEqualTo(remaining);
            assertThat(d.getPostpaidUsageMinutes().getValue()).isEqualTo("0.00000000");
        }
        assertThat(account.get(general.getPackageId()).getRemainingMinutes())
                .isEqualTo(25_000 - 680);
    }

    @Test
    void stackedPackagesDeductTheOneExpiringFirstThenTheRestPostpaid() {
        // SPEC P-3 order and P-4 partial coverage: a gift expiring next month goes first, a
        // package that cannot cover the whole amount is used up, the rest is postpaid.
        clock.set(Instant.parse("2023-05-10T02:00:00Z"));
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        exhaustTrial(account, "2023-05-10");
        PrepaidPackage longGift = grant(account, 100, 12);
        PrepaidPackage shortGift = grant(account, 50, 1);

        Deduction d = account.deduct("2023-05-10", ResolutionTier.RESOLUTION_TIER_HD, 130, 40);

        assertThat(d.getPackageDeductionsList())
                .extracting(PackageDeduction::getPackageId, PackageDeduction::getPackageMinutes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(shortGift.getPackageId(), 50L),
                        org.assertj.core.groups.Tuple.tuple(longGift.getPackageId(), 100L));
        assertThat(d.getPackageDeductions(0).getUsageMinutes().getValue()).isEqualTo("12.50000000");
        assertThat(d.getPackageDeductions(1).getUsageMinutes().getValue()).isEqualTo("25.00000000");
        // 40 − 12.5 − 25 = 2.5 HD minutes postpaid at 0.028 = 0.07.
        assertThat(d.getPostpaidUsageMinutes().getValue()).isEqualTo("2.50000000");
        assertThat(ProtoMoney.amount(d.getPostpaidAmount())).isEqualByComparingTo("0.07");
    }

    @Test
    void repeatedIntervalReturnsTheFirstDeductionAndOtherMinutesAreAConflict() {
        clock.set(Instant.parse("2023-06-01T02:00:00Z"));
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        DeductUsageRequest first =
                account.usage("2023-06-01", ResolutionTier.RESOLUTION_TIER_HD, 7, 30).build();

        Deduction d1 = packages.deductUsage(first).getDeduction();
        Deduction d2 =
                packages.deductUsage(
                                first.toBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .build())
                        .getDeduction();
        RpcError conflict =
                RpcError.of(
                        () -> packages.deductUsage(first.toBuilder().setUsageMinutes(31).build()));

        assertThat(d2).isEqualTo(d1);
        assertThat(account.trial().getRemainingMinutes()).isEqualTo(9_970);
        assertThat(conflict.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(conflict.reason()).isEqualTo("DEDUCTION_CONFLICT");
        // The ledger row links the usage key and the package with its minutes before and after.
        Deduction listed =
                packages.listDeductions(
                                ListDeductionsRequest.newBuilder()
                                        .setAccountId(account.accountId)
                                        .build())
                        .getDeductions(0);
        assertThat(listed).isEqualTo(d1);
        assertThat(listed.getIntervalIndex()).isEqualTo(7);
        assertThat(listed.getPackageDeductions(0).getRemainingMinutes()).isEqualTo(9_970);
    }

    @Test
    void badDeductionsAreInvalidArgumentNamingEveryFieldAndWriteNothing() {
        clock.set(Instant.parse("2023-06-02T02:00:00Z"));
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);

        RpcError error =
                RpcError.of(
                        () ->
                                packages.deductUsage(
                                        account.usage(
                                                        "2023-06-02",
                                                        ResolutionTier.RESOLUTION_TIER_UNSPECIFIED,
                                                        300,
                                                        -1)
                                                .setItem(
                                                        dev.rtcsuite.common.v1.BillableItem
                                                                .BILLABLE_ITEM_STORAGE)
                                                .build()));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violations())
                .containsOnlyKeys("item", "tier", "interval_index", "usage_minutes");
        assertThat(error.violations().get("interval_index")).contains("0–299");
        assertThat(account.trial().getRemainingMinutes()).isEqualTo(10_000);
    }

    private void exhaustTrial(Accounts account, String day) {
        account.deduct(day, ResolutionTier.RESOLUTION_TIER_AUDIO, 0, 10_000);
    }

    private PrepaidPackage grant(Accounts account, long minutes, int months) {
        return packages.grantPackage(
                        GrantPackageRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccountId(account.accountId)
                                .setMinutes(minutes)
                                .setValidityMonths(months)
                                .setNote("acceptance")
                                .build())
                .getPrepaidPackage();
    }

    private List<AccountNoticeKind> noticeKinds(Accounts account) {
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

    static BigDecimal amount(com.google.type.Money money) {
        return ProtoMoney.amount(money);
    }
}
