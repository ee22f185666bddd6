package dev.rtcsuite.packages.grpc;

import static dev.rtcsuite.packages.grpc.PackagesProtoMapper.fromProto;
import static dev.rtcsuite.packages.grpc.PackagesProtoMapper.toProto;

import dev.rtcsuite.packages.application.AccountBook;
import dev.rtcsuite.packages.application.AccountRegistry;
import dev.rtcsuite.packages.domain.App;
import dev.rtcsuite.packages.persistence.Page;
import dev.rtcsuite.packages.v1.*;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.CreateAccountResponse;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.CreateAppResponse;
import dev.rtcsuite.packages.v1.DisableAppRequest;
import dev.rtcsuite.packages.v1.DisableAppResponse;
import dev.rtcsuite.packages.v1.EnableAppRequest;
import dev.rtcsuite.packages.v1.EnableAppResponse;
import dev.rtcsuite.packages.v1.GetAccountRequest;
import dev.rtcsuite.packages.v1.GetAccountResponse;
import dev.rtcsuite.packages.v1.GetAppRequest;
import dev.rtcsuite.packages.v1.GetAppResponse;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.GetServiceStatusResponse;
import dev.rtcsuite.packages.v1.ListAccountsRequest;
import dev.rtcsuite.packages.v1.ListAccountsResponse;
import dev.rtcsuite.packages.v1.ListAppsRequest;
import dev.rtcsuite.packages.v1.ListAppsResponse;
import dev.rtcsuite.packages.v1.MutinyPackagesServiceGrpc;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.grpc.GrpcCalls;
import dev.rtcsuite.platform.paging.BoundPages;
import dev.rtcsuite.platform.paging.PageRequest;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The package-service v1 API (SPEC §P). Accounts, apps and service status are answered here;
 * packages, deduction, money, settlement and refunds by {@link LedgerRpcs}, which validates and
 * maps their requests. Mutating RPCs are idempotent on their request id, except DeductUsage, whose
 * natural key (app, day, item, tier, interval) de-duplicates whatever the request id.
 */
@GrpcService
public class PackagesGrpcService extends MutinyPackagesServiceGrpc.PackagesServiceImplBase {

    private final AccountRegistry registry;
    private final LedgerRpcs ledger;
    private final StatusWatches watches;
    private final GrpcCalls calls;

    public PackagesGrpcService(
            AccountRegistry registry, LedgerRpcs ledger, StatusWatches watches, GrpcCalls calls) {
        this.registry = registry;
        this.ledger = ledger;
        this.watches = watches;
        this.calls = calls;
    }

    @Override
    public Uni<CreateAccountResponse> createAccount(CreateAccountRequest request) {
        return calls.once(
                "CreateAccount",
                request.getRequestId(),
                request,
                CreateAccountResponse.parser(),
                () -> {
                    AccountBook account =
                            registry.openAccount(
                                    request.getDisplayName(),
                                    request.getBillingTimeZone(),
                                    fromProto(request.getTrialExhaustionPolicy()));
                    return CreateAccountResponse.newBuilder().setAccount(toProto(account)).build();
                });
    }

    @Override
    public Uni<GetAccountResponse> getAccount(GetAccountRequest request) {
        return calls.answer(
                () ->
                        GetAccountResponse.newBuilder()
                                .setAccount(toProto(registry.account(request.getAccountId())))
                                .build());
    }

    @Override
    public Uni<ListAccountsResponse> listAccounts(ListAccountsRequest request) {
        return calls.answer(
                () -> {
                    int status = request.getStatusValue();
                    new FieldChecks()
                            .check(
                                    dev.rtcsuite.packages.v1.AccountStatus.forNumber(status)
                                            != null,
                                    "status",
                                    "must be an AccountStatus value, or unset for all")
                            .throwIfInvalid();
                    Page<AccountBook> page = registry.accounts(BoundPages.request(request));
                    // A status filter may leave a page short (AIP-158); the token goes on.
                    return ListAccountsResponse.newBuilder()
                            .addAllAccounts(
                                    page.items().stream()
                                            .map(PackagesProtoMapper::toProto)
                                            .filter(
                                                    a ->
                                                            status == 0
                                                                    || a.getStatusValue() == status)
                                            .toList())
                            .setNextPageToken(
                                    BoundPages.bind(request, PageRequest.token(page.nextAfter())))
                            .build();
                });
    }

    @Override
    public Uni<CreateAppResponse> createApp(CreateAppRequest request) {
        return calls.once(
                "CreateApp",
                request.getRequestId(),
                request,
                CreateAppResponse.parser(),
                () ->
                        CreateAppResponse.newBuilder()
                                .setApp(
                                        toProto(
                                                registry.createApp(
                                                        request.getAccountId(), request.getName())))
                                .build());
    }

    @Override
    public Uni<GetAppResponse> getApp(GetAppRequest request) {
        return calls.answer(
                () ->
                        GetAppResponse.newBuilder()
                                .setApp(toProto(registry.app(request.getSdkAppId())))
                                .build());
    }

    @Override
    public Uni<ListAppsResponse> listApps(ListAppsRequest request) {
        return calls.answer(
                () -> {
                    Page<App> page =
                            registry.apps(request.getAccountId(), BoundPages.request(request));
                    return ListAppsResponse.newBuilder()
                            .addAllApps(
                                    page.items().stream()
                                            .map(PackagesProtoMapper::toProto)
                                            .toList())
                            .setNextPageToken(
                                    BoundPages.bind(request, PageRequest.token(page.nextAfter())))
                            .build();
                });
    }

    @Override
    public Uni<DisableAppResponse> disableApp(DisableAppRequest request) {
        return calls.once(
                "DisableApp",
                request.getRequestId(),
                request,
                DisableAppResponse.parser(),
                () ->
                        DisableAppResponse.newBuilder()
                                .setApp(
                                        toProto(
                                                registry.disableApp(
                                                        request.getSdkAppId(),
                                                        request.getReason())))
                                .build());
    }

    @Override
    public Uni<EnableAppResponse> enableApp(EnableAppRequest request) {
        return calls.once(
                "EnableApp",
                request.getRequestId(),
                request,
                EnableAppResponse.parser(),
                () ->
                        EnableAppResponse.newBuilder()
                                .setApp(toProto(registry.enableApp(request.getSdkAppId())))
                                .build());
    }

    @Override
    public Uni<GetServiceStatusResponse> getServiceStatus(GetServiceStatusRequest request) {
        return calls.answer(
                () ->
                        GetServiceStatusResponse.newBuilder()
                                .setStatus(toProto(registry.serviceStatus(request.getSdkAppId())))
                                .build());
    }

    @Override
    public Uni<UpdateAccountResponse> updateAccount(UpdateAccountRequest request) {
        return calls.once(
                "UpdateAccount",
                request.getRequestId(),
                request,
                UpdateAccountResponse.parser(),
                () -> ledger.updateAccount(request));
    }

    @Override
    public Uni<QuotePackagePriceResponse> quotePackagePrice(QuotePackagePriceRequest request) {
        return calls.answer(() -> ledger.quote(request));
    }

    @Override
    public Uni<PurchasePackageResponse> purchasePackage(PurchasePackageRequest request) {
        return calls.once(
                "PurchasePackage",
                request.getRequestId(),
                request,
                PurchasePackageResponse.parser(),
                () -> ledger.purchase(request));
    }

    @Override
    public Uni<GrantPackageResponse> grantPackage(GrantPackageRequest request) {
        return calls.once(
                "GrantPackage",
                request.getRequestId(),
                request,
                GrantPackageResponse.parser(),
                () -> ledger.grant(request));
    }

    @Override
    public Uni<ConvertLegacyPackageResponse> convertLegacyPackage(
            ConvertLegacyPackageRequest request) {
        return calls.once(
                "ConvertLegacyPackage",
                request.getRequestId(),
                request,
                ConvertLegacyPackageResponse.parser(),
                () -> ledger.convert(request));
    }

    @Override
    public Uni<GetPackageResponse> getPackage(GetPackageRequest request) {
        return calls.answer(() -> ledger.getPackage(request));
    }

    @Override
    public Uni<ListPackagesResponse> listPackages(ListPackagesRequest request) {
        return calls.answer(() -> ledger.listPackages(request));
    }

    @Override
    public Uni<CreateOfferResponse> createOffer(CreateOfferRequest request) {
        return calls.once(
                "CreateOffer",
                request.getRequestId(),
                request,
                CreateOfferResponse.parser(),
                () -> ledger.createOffer(request));
    }

    @Override
    public Uni<GetOfferResponse> getOffer(GetOfferRequest request) {
        return calls.answer(() -> ledger.getOffer(request));
    }

    @Override
    public Uni<ListOffersResponse> listOffers(ListOffersRequest request) {
        return calls.answer(() -> ledger.listOffers(request));
    }

    @Override
    public Uni<ListDeductionsResponse> listDeductions(ListDeductionsRequest request) {
        return calls.answer(() -> ledger.listDeductions(request));
    }

    @Override
    public Uni<EnablePostpaidResponse> enablePostpaid(EnablePostpaidRequest request) {
        return calls.once(
                "EnablePostpaid",
                request.getRequestId(),
                request,
                EnablePostpaidResponse.parser(),
                () -> ledger.enablePostpaid(request));
    }

    @Override
    public Uni<GetBalanceResponse> getBalance(GetBalanceRequest request) {
        return calls.answer(() -> ledger.balance(request));
    }

    @Override
    public Uni<TopUpResponse> topUp(TopUpRequest request) {
        return calls.once(
                "TopUp",
                request.getRequestId(),
                request,
                TopUpResponse.parser(),
                () -> ledger.topUp(request));
    }

    @Override
    public Uni<SetSettlementCycleResponse> setSettlementCycle(SetSettlementCycleRequest request) {
        return calls.once(
                "SetSettlementCycle",
                request.getRequestId(),
                request,
                SetSettlementCycleResponse.parser(),
                () -> ledger.setSettlementCycle(request));
    }

    @Override
    public Uni<SettleDayResponse> settleDay(SettleDayRequest request) {
        return calls.once(
                "SettleDay",
                request.getRequestId(),
                request,
                SettleDayResponse.parser(),
                () -> ledger.settleDay(request));
    }

    @Override
    public Uni<GetStatementResponse> getStatement(GetStatementRequest request) {
        return calls.answer(() -> ledger.getStatement(request));
    }

    @Override
    public Uni<ListStatementsResponse> listStatements(ListStatementsRequest request) {
        return calls.answer(() -> ledger.listStatements(request));
    }

    @Override
    public Uni<ListLedgerEntriesResponse> listLedgerEntries(ListLedgerEntriesRequest request) {
        return calls.answer(() -> ledger.listLedgerEntries(request));
    }

    @Override
    public Uni<SuspendAccountForViolationResponse> suspendAccountForViolation(
            SuspendAccountForViolationRequest request) {
        return calls.once(
                "SuspendAccountForViolation",
                request.getRequestId(),
                request,
                SuspendAccountForViolationResponse.parser(),
                () -> ledger.suspend(request));
    }

    @Override
    public Uni<ReclaimAccountResponse> reclaimAccount(ReclaimAccountRequest request) {
        return calls.once(
                "ReclaimAccount",
                request.getRequestId(),
                request,
                ReclaimAccountResponse.parser(),
                () -> ledger.reclaim(request));
    }

    @Override
    public Uni<ListAccountNoticesResponse> listAccountNotices(ListAccountNoticesRequest request) {
        return calls.answer(() -> ledger.notices(request));
    }

    @Override
    public Uni<RequestRefundResponse> requestRefund(RequestRefundRequest request) {
        return calls.once(
                "RequestRefund",
                request.getRequestId(),
                request,
                RequestRefundResponse.parser(),
                () -> ledger.requestRefund(request));
    }

    @Override
    public Uni<ApproveRefundResponse> approveRefund(ApproveRefundRequest request) {
        return calls.once(
                "ApproveRefund",
                request.getRequestId(),
                request,
                ApproveRefundResponse.parser(),
                () -> ledger.approveRefund(request));
    }

    @Override
    public Uni<RejectRefundResponse> rejectRefund(RejectRefundRequest request) {
        return calls.once(
                "RejectRefund",
                request.getRequestId(),
                request,
                RejectRefundResponse.parser(),
                () -> ledger.rejectRefund(request));
    }

    @Override
    public Uni<GetRefundResponse> getRefund(GetRefundRequest request) {
        return calls.answer(() -> ledger.getRefund(request));
    }

    @Override
    public Uni<ListRefundsResponse> listRefunds(ListRefundsRequest request) {
        return calls.answer(() -> ledger.listRefunds(request));
    }

    /** The natural key de-duplicates (see the class comment); rating-service retries freely. */
    @Override
    public Uni<DeductUsageResponse> deductUsage(DeductUsageRequest request) {
        return calls.answer(() -> ledger.deduct(request));
    }

    /** Each interval as DeductUsage would; see the proto for the outcomes. */
    @Override
    public Uni<BatchDeductUsageResponse> batchDeductUsage(BatchDeductUsageRequest request) {
        return calls.answer(() -> ledger.batchDeduct(request, calls::status));
    }

    @Override
    public Multi<WatchServiceStatusResponse> watchServiceStatus(WatchServiceStatusRequest request) {
        return watches.watch(request);
    }
}
