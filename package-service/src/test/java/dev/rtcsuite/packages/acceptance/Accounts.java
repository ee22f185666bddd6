package dev.rtcsuite.packages.acceptance;

import com.google.type.Date;
import com.google.type.Money;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.v1.Account;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.DeductUsageRequest;
import dev.rtcsuite.packages.v1.Deduction;
import dev.rtcsuite.packages.v1.FixedPackageSize;
import dev.rtcsuite.packages.v1.GetAccountRequest;
import dev.rtcsuite.packages.v1.GetBalanceRequest;
import dev.rtcsuite.packages.v1.GetPackageRequest;
import dev.rtcsuite.packages.v1.ListPackagesRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.PrepaidPackage;
import dev.rtcsuite.packages.v1.PurchasePackageRequest;
import dev.rtcsuite.packages.v1.TopUpRequest;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** One account of a test, driven through the real gRPC API. */
final class Accounts {

    static final Currency CNY = Currency.getInstance("CNY");

    /** The list per-minute price of HD base service (SPEC R-3: 28 CNY per 1,000 minutes). */
    static final Money HD_PRICE = cny("0.028");

    final PackagesServiceBlockingStub packages;
    final String accountId;
    final long app;

    private Accounts(PackagesServiceBlockingStub packages, String accountId, long app) {
        this.packages = packages;
        this.accountId = accountId;
        this.app = app;
    }

    /** A new account in Asia/Shanghai time with its first app (which grants the trial). */
    static Accounts open(PackagesServiceBlockingStub packages, TrialExhaustionPolicy policy) {
        String accountId =
                packages.createAccount(
                                CreateAccountRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setDisplayName("Acceptance")
                                        .setTrialExhaustionPolicy(policy)
                                        .build())
                        .getAccount()
                        .getAccountId();
        long app =
                packages.createApp(
                                CreateAppRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setAccountId(accountId)
                                        .setName("app")
                                        .build())
                        .getApp()
                        .getSdkAppId();
        return new Accounts(packages, accountId, app);
    }

    static Money cny(String amount) {
        return ProtoMoney.money(new BigDecimal(amount), CNY);
    }

    static Date date(String day) {
        return ProtoTime.date(LocalDate.parse(day));
    }

    Account account() {
        return packages.getAccount(GetAccountRequest.newBuilder().setAccountId(accountId).build())
                .getAccount();
    }

    void topUp(String amount) {
        packages.topUp(
                TopUpRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(accountId)
                        .setAmount(cny(amount))
                        .build());
    }

    BigDecimal cashTotal() {
        return ProtoMoney.amount(
                packages.getBalance(GetBalanceRequest.newBuilder().setAccountId(accountId).build())
                        .getBalances(0)
                        .getTotal());
    }

    PrepaidPackage buy(FixedPackageSize size) {
        return packages.purchasePackage(
                        PurchasePackageRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccountId(accountId)
                                .setFixedSize(size)
                                .build())
                .getPrepaidPackage();
    }

    PrepaidPackage get(String packageId) {
        return packages.getPackage(GetPackageRequest.newBuilder().setPackageId(packageId).build())
                .getPrepaidPackage();
    }

    List<PrepaidPackage> packages() {
        return packages.listPackages(
                        ListPackagesRequest.newBuilder().setAccountId(accountId).build())
                .getPrepaidPackagesList();
    }

    PrepaidPackage trial() {
        return packages().stream()
                .filter(
                        p ->
                                p.getKind()
                                        == dev.rtcsuite.packages.v1.PackageKind
                                                .PACKAGE_KIND_FREE_TRIAL)
                .findFirst()
                .orElseThrow();
    }

    DeductUsageRequest.Builder usage(String day, ResolutionTier tier, int interval, long minutes) {
        return DeductUsageRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSdkAppId(app)
                .setBillingDay(date(day))
                .setItem(BillableItem.BILLABLE_ITEM_BASE_SERVICE)
                .setTier(tier)
                .setIntervalIndex(interval)
                .setUsageMinutes(minutes)
                .setUnitPrice(HD_PRICE)
                .setPriceBookVersion("list-2020");
    }

    Deduction deduct(String day, ResolutionTier tier, int interval, long minutes) {
        return packages.deductUsage(usage(day, tier, interval, minutes).build()).getDeduction();
    }
}
