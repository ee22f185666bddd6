package dev.rtcsuite.packages.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.testing.TestClock;
import dev.rtcsuite.packages.v1.ApproveRefundRequest;
import dev.rtcsuite.packages.v1.Deduction;
import dev.rtcsuite.packages.v1.DeductionKind;
import dev.rtcsuite.packages.v1.FixedPackageSize;
import dev.rtcsuite.packages.v1.FundType;
import dev.rtcsuite.packages.v1.GetRefundRequest;
import dev.rtcsuite.packages.v1.LedgerEntryKind;
import dev.rtcsuite.packages.v1.ListDeductionsRequest;
import dev.rtcsuite.packages.v1.ListLedgerEntriesRequest;
import dev.rtcsuite.packages.v1.PackageState;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.PrepaidPackage;
import dev.rtcsuite.packages.v1.PurchasePackageRequest;
import dev.rtcsuite.packages.v1.Refund;
import dev.rtcsuite.packages.v1.RefundState;
import dev.rtcsuite.packages.v1.RejectRefundRequest;
import dev.rtcsuite.packages.v1.RequestRefundRequest;
import dev.rtcsuite.packages.v1.SuspendAccountForViolationRequest;
import dev.rtcsuite.packages.v1.TopUpRequest;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC P-3 (activation with same-day catch-up) and P-7 (refunds) through the API. */
@QuarkusTest
class ActivationAndRefundTest {

    @GrpcClient PackagesServiceBlockingStub packages;
    @Inject TestClock clock;
    @Inject JobRunner jobs;

    @Test
    void activationTakesOverTodaysOverflowButNotYesterdays() {
        // SPEC P-3: bought 2023-07-11 10:00 (Shanghai); active 5 minutes later, it deducts the
        // usage of 2023-07-11 since 00:00 that no package covered, never that of 2023-07-10.
        clock.set(Instant.parse("2023-07-10T02:00:00Z"));
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_CONTINUE);
        account.deduct("2023-07-10", ResolutionTier.RESOLUTION_TIER_AUDIO, 0, 10_000);
        Deduction yesterday =
                account.deduct("2023-07-10", ResolutionTier.RESOLUTION_TIER_HD, 150, 100);
        clock.set(Instant.parse("2023-07-11T01:00:00Z"));
        Deduction today = account.deduct("2023-07-11", ResolutionTier.RESOLUTION_TIER_HD, 100, 30);
        assertThat(yesterday.getPostpaidUsageMinutes().getValue()).isEqualTo("100.00000000");
        assertThat(today.getPostpaidUsageMinutes().getValue()).isEqualTo("30.00000000");

        clock.set(Instant.parse("2023-07-11T02:00:00Z"));
        account.topUp("168.00");
        PrepaidPackage bought = account.buy(FixedPackageSize.FIXED_PACKAGE_SIZE_25K);
        assertThat(bought.getState()).isEqualTo(PackageState.PACKAGE_STATE_PENDING_ACTIVATION);
        assertThat(ProtoTime.instant(bought.getActivationTime()))
                .isEqualTo(Instant.parse("2023-07-11T02:05:00Z"));

        clock.set(Instant.parse("2023-07-11T02:04:59Z"));
        jobs.runDue(clock.instant(), 10_000);
        assertThat(account.get(bought.getPackageId()).getState())
                .isEqualTo(PackageState.PACKAGE_STATE_PENDING_ACTIVATION);

        clock.set(Instant.parse("2023-07-11T02:05:00Z"));
        jobs.runDue(clock.instant(), 10_000);

        PrepaidPackage active = account.get(bought.getPackageId());
        assertThat(active.getState()).isEqualTo(PackageState.PACKAGE_STATE_ACTIVE);
        // 30 HD minutes × 4 = 120 package minutes taken over.
        assertThat(active.getRemainingMinutes()).isEqualTo(25_000 - 120);
        List<Deduction> catchUps =
                packages.listDeductions(
                                ListDeductionsRequest.newBuilder()
                                        .setAccountId(account.accountId)
                                        .setPackageId(bought.getPackageId())
                                        .build())
                        .getDeductionsList();
        assertThat(catchUps).hasSize(1);
        Deduction catchUp = catchUps.getFirst();
        assertThat(catchUp.getKind()).isEqualTo(DeductionKind.DEDUCTION_KIND_ACTIVATION_CATCH_UP);
        assertThat(ProtoTime.localDate(catchUp.getBillingDay()))
                .contains(java.time.LocalDate.of(2023, 7, 11));
        assertThat(catchUp.getPostpaidUsageMinutes().getValue()).isEqualTo("-30.00000000");
        assertThat(catchUp.getPackageDeductions(0).getPackageMinutes()).isEqualTo(120);
    }

    @Test
    void refundWindowIsFiveDaysToTheSecond() {
        // SPEC P-7: bought 2022-02-01 08:00:00 → last moment 2022-02-06 07:59:59.
        clock.set(Instant.parse("2022-02-01T00:00:00Z")); // 08:00:00 in Shanghai
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        account.topUp("336.00");
        PrepaidPackage first = account.buy(FixedPackageSize.FIXED_PACKAGE_SIZE_25K);
        PrepaidPackage second = account.buy(FixedPackageSize.FIXED_PACKAGE_SIZE_25K);
        assertThat(ProtoTime.instant(first.getRefundDeadlineTime()))
                .isEqualTo(Instant.parse("2022-02-06T00:00:00Z"));

        clock.set(Instant.parse("2022-02-05T23:59:59Z")); // 2022-02-06 07:59:59 in Shanghai
        Refund accepted = request(first);
        clock.set(Instant.parse("2022-02-06T00:00:00Z")); // 08:00:00
        RpcError late = RpcError.of(() -> request(second));

        assertThat(accepted.getState()).isEqualTo(RefundState.REFUND_STATE_PENDING_REVIEW);
        assertThat(late.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(late.reason()).isEqualTo("REFUND_WINDOW_EXPIRED");
    }

    @Test
    void approvedRefundReturnsEachFundButNotTheVoucherAndThePackageStopsDeducting() {
        clock.set(Instant.parse("2023-08-01T02:00:00Z"));
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        account.deduct("2023-08-01", ResolutionTier.RESOLUTION_TIER_AUDIO, 0, 10_000);
        packages.topUp(
                TopUpRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account.accountId)
                        .setAmount(Accounts.cny("20.00"))
                        .setFund(FundType.FUND_TYPE_GIFT)
                        .build());
        account.topUp("140.00");
        // 168.00 = 8.00 voucher + 20.00 gift + 140.00 cash.
        PrepaidPackage bought =
                packages.purchasePackage(
                                PurchasePackageRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setAccountId(account.accountId)
                                        .setFixedSize(FixedPackageSize.FIXED_PACKAGE_SIZE_25K)
                                        .setVoucherAmount(Accounts.cny("8.00"))
                                        .build())
                        .getPrepaidPackage();
        assertThat(account.cashTotal()).isEqualByComparingTo("0");
        clock.set(Instant.parse("2023-08-01T02:05:00Z"));
        jobs.runDue(clock.instant(), 10_000);

        Refund requested = request(bought);
        // A package under refund review deducts nothing: the usage goes postpaid.
        Deduction during = account.deduct("2023-08-01", ResolutionTier.RESOLUTION_TIER_HD, 130, 1);
        assertThat(during.getPackageDeductionsList()).isEmpty();

        Refund approved =
                packages.approveRefund(
                                ApproveRefundRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setRefundId(requested.getRefundId())
                                        .setReviewer("ops")
                                        .build())
                        .getRefund();

        assertThat(approved.getState()).isEqualTo(RefundState.REFUND_STATE_APPROVED);
        assertThat(ProtoMoney.amount(approved.getAmount())).isEqualByComparingTo("160.00");
        assertThat(ProtoMoney.amount(approved.getRefundBreakdown().getCash()))
                .isEqualByComparingTo("140.00");
        assertThat(ProtoMoney.amount(approved.getRefundBreakdown().getGift()))
                .isEqualByComparingTo("20.00");
        assertThat(ProtoMoney.amount(approved.getRefundBreakdown().getVoucher()))
                .isEqualByComparingTo("0");
        assertThat(account.cashTotal()).isEqualByComparingTo("160.00");
        assertThat(account.get(bought.getPackageId()).getState())
                .isEqualTo(PackageState.PACKAGE_STATE_REFUNDED);
        assertThat(
                        packages.listLedgerEntries(
                                        ListLedgerEntriesRequest.newBuilder()
                                                .setAccountId(account.accountId)
                                                .addKinds(
                                                        LedgerEntryKind
                                                                .LEDGER_ENTRY_KIND_PACKAGE_REFUND)
                                                .build())
                                .getEntriesList())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.getRefundId()).isEqualTo(approved.getRefundId()));
        Deduction after = account.deduct("2023-08-01", ResolutionTier.RESOLUTION_TIER_HD, 131, 1);
        assertThat(after.getPackageDeductionsList()).isEmpty();
    }

    @Test
    void usedTrialAndViolationAccountsAreNotRefundableAndRejectionGivesThePackageBack() {
        clock.set(Instant.parse("2023-09-01T02:00:00Z"));
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        account.deduct("2023-09-01", ResolutionTier.RESOLUTION_TIER_AUDIO, 0, 10_000);
        account.topUp("504.00");
        for (int i = 0; i < 3; i++) {
            account.buy(FixedPackageSize.FIXED_PACKAGE_SIZE_25K);
        }
        clock.set(Instant.parse("2023-09-01T02:05:00Z"));
        jobs.runDue(clock.instant(), 10_000);
        String usedId =
                account.deduct("2023-09-01", ResolutionTier.RESOLUTION_TIER_HD, 130, 1)
                        .getPackageDeductions(0)
                        .getPackageId();
        List<PrepaidPackage> general =
                account.packages().stream()
                        .filter(
                                p ->
                                        p.getKind()
                                                == dev.rtcsuite.packages.v1.PackageKind
                                                        .PACKAGE_KIND_GENERAL)
                        .toList();
        PrepaidPackage used = account.get(usedId);
        List<PrepaidPackage> unused =
                general.stream().filter(p -> !p.getPackageId().equals(usedId)).toList();
        PrepaidPackage rejected = unused.get(0);
        PrepaidPackage pending = unused.get(1);

        assertThat(RpcError.of(() -> request(used)).reason()).isEqualTo("PACKAGE_ALREADY_USED");
        assertThat(RpcError.of(() -> request(account.trial())).reason())
                .isEqualTo("PACKAGE_NOT_REFUNDABLE");

        Refund toReject = request(rejected);
        Refund decided =
                packages.rejectRefund(
                                RejectRefundRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setRefundId(toReject.getRefundId())
                                        .setReviewer("ops")
                                        .setReason("suspected abuse")
                                        .build())
                        .getRefund();
        assertThat(decided.getState()).isEqualTo(RefundState.REFUND_STATE_REJECTED);
        assertThat(account.get(rejected.getPackageId()).getState())
                .isEqualTo(PackageState.PACKAGE_STATE_ACTIVE);

        // SPEC P-6/P-7: a content violation rejects pending refunds and blocks new ones.
        Refund stillPending = request(pending);
        packages.suspendAccountForViolation(
                SuspendAccountForViolationRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account.accountId)
                        .setReason("illegal content")
                        .build());
        assertThat(
                        packages.getRefund(
                                        GetRefundRequest.newBuilder()
                                                .setRefundId(stillPending.getRefundId())
                                                .build())
                                .getRefund()
                                .getState())
                .isEqualTo(RefundState.REFUND_STATE_REJECTED);
        assertThat(RpcError.of(() -> request(rejected)).reason())
                .isEqualTo("ACCOUNT_SUSPENDED_FOR_VIOLATION");
    }

    private Refund request(PrepaidPackage p) {
        return packages.requestRefund(
                        RequestRefundRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setPackageId(p.getPackageId())
                                .build())
                .getRefund();
    }
}
