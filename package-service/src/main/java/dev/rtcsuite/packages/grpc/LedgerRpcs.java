package dev.rtcsuite.packages.grpc;

import static dev.rtcsuite.packages.grpc.LedgerProtoMapper.fromProto;
import static dev.rtcsuite.packages.grpc.LedgerProtoMapper.money;
import static dev.rtcsuite.packages.grpc.LedgerProtoMapper.toProto;
import static dev.rtcsuite.packages.grpc.PackagesProtoMapper.toProto;

import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.packages.application.AccountActions;
import dev.rtcsuite.packages.application.AccountBook;
import dev.rtcsuite.packages.application.AccountBooks;
import dev.rtcsuite.packages.application.AccountRegistry;
import dev.rtcsuite.packages.application.Deductions;
import dev.rtcsuite.packages.application.Offers;
import dev.rtcsuite.packages.application.PackageChoice;
import dev.rtcsuite.packages.application.Purchases;
import dev.rtcsuite.packages.application.Refunds;
import dev.rtcsuite.packages.application.Settlements;
import dev.rtcsuite.packages.application.Wallets;
import dev.rtcsuite.packages.domain.money.Balances;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.PackageKind;
import dev.rtcsuite.packages.domain.prepaid.PackageState;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.refund.RefundState;
import dev.rtcsuite.packages.persistence.DeductionRepository;
import dev.rtcsuite.packages.persistence.MoneyRepository;
import dev.rtcsuite.packages.persistence.MoneyRepository.EntryKind;
import dev.rtcsuite.packages.persistence.RefundRepository;
import dev.rtcsuite.packages.v1.*;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.paging.BoundPages;
import dev.rtcsuite.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The packages, deduction, money, settlement and refund RPCs (SPEC P-2 … P-7): request → use case →
 * response. Unknown enum values become null or are skipped so that the use cases refuse them with a
 * field violation.
 */
@ApplicationScoped
class LedgerRpcs {

    private final AccountRegistry registry;
    private final AccountBooks books;
    private final Purchases purchases;
    private final Offers offers;
    private final Deductions deductions;
    private final Wallets wallets;
    private final Settlements settlements;
    private final Refunds refunds;
    private final AccountActions actions;
    private final DeductionRepository deductionRows;
    private final Clock clock;

    LedgerRpcs(
            AccountRegistry registry,
            AccountBooks books,
            Purchases purchases,
            Offers offers,
            Deductions deductions,
            Wallets wallets,
            Settlements settlements,
            Refunds refunds,
            AccountActions actions,
            DeductionRepository deductionRows,
            Clock clock) {
        this.registry = registry;
        this.books = books;
        this.purchases = purchases;
        this.offers = offers;
        this.deductions = deductions;
        this.wallets = wallets;
        this.settlements = settlements;
        this.refunds = refunds;
        this.actions = actions;
        this.deductionRows = deductionRows;
        this.clock = clock;
    }

    UpdateAccountResponse updateAccount(UpdateAccountRequest request) {
        AccountBook book =
                registry.updateAccount(
                        request.getAccount().getAccountId(),
                        Set.copyOf(request.getUpdateMask().getPathsList()),
                        request.getAccount().getDisplayName(),
                        request.getAccount().getEnterpriseVerified());
        return UpdateAccountResponse.newBuilder().setAccount(toProto(book)).build();
    }

    QuotePackagePriceResponse quote(QuotePackagePriceRequest request) {
        Purchases.Quote quote =
                purchases.quote(request.getAccountId(), choice(request.getSizeCase(), request));
        return QuotePackagePriceResponse.newBuilder()
                .setMinutes(quote.quote().minutes())
                .setPrice(money(quote.quote().price()))
                .setPricePerThousandMinutes(money(quote.quote().pricePerThousandMinutes()))
                .setPerMinutePrice(money(quote.quote().perMinutePrice()))
                .setListPrice(money(quote.quote().listPrice()))
                .setLastValidDay(ProtoTime.date(quote.lastValidDay()))
                .setEligible(quote.failedRules().isEmpty())
                .addAllFailedRules(
                        quote.failedRules().stream().map(LedgerProtoMapper::toProto).toList())
                .build();
    }

    PurchasePackageResponse purchase(PurchasePackageRequest request) {
        Optional<Money> voucher =
                request.hasVoucherAmount()
                        ? money(request.getVoucherAmount())
                        : Optional.of(Money.zero(Money.CNY));
        new FieldChecks()
                .check(
                        voucher.isPresent(),
                        "voucher_amount",
                        "must be an amount in CNY with at most 2 decimals")
                .throwIfInvalid();
        PackageChoice choice =
                switch (request.getSizeCase()) {
                    case FIXED_SIZE -> new PackageChoice.Fixed(fromProto(request.getFixedSize()));
                    case CUSTOM_MINUTES -> new PackageChoice.Custom(request.getCustomMinutes());
                    case OFFER_ID -> new PackageChoice.OfferChoice(request.getOfferId());
                    case SIZE_NOT_SET -> new PackageChoice.Missing();
                };
        PrepaidPackage bought =
                purchases.purchase(
                        request.getAccountId(), choice, voucher.get(), request.getRequestId());
        return PurchasePackageResponse.newBuilder().setPrepaidPackage(view(bought)).build();
    }

    GrantPackageResponse grant(GrantPackageRequest request) {
        PrepaidPackage gift =
                purchases.grant(
                        request.getAccountId(),
                        request.getMinutes(),
                        request.getValidityMonths(),
                        request.getDisplayName(),
                        request.getNote());
        return GrantPackageResponse.newBuilder().setPrepaidPackage(view(gift)).build();
    }

    ConvertLegacyPackageResponse convert(ConvertLegacyPackageRequest request) {
        Optional<java.time.LocalDate> lastDay =
                request.hasLastValidDay()
                        ? ProtoTime.localDate(request.getLastValidDay())
                        : Optional.empty();
        new FieldChecks()
                .check(lastDay.isPresent(), "last_valid_day", "required: a valid date")
                .throwIfInvalid();
        PrepaidPackage converted =
                purchases.convertLegacy(
                        request.getAccountId(),
                        fromProto(request.getLegacyType()),
                        request.getLegacyMinutes(),
                        lastDay.get(),
                        request.getLegacyReference());
        return ConvertLegacyPackageResponse.newBuilder().setPrepaidPackage(view(converted)).build();
    }

    GetPackageResponse getPackage(GetPackageRequest request) {
        return GetPackageResponse.newBuilder()
                .setPrepaidPackage(view(purchases.get(request.getPackageId())))
                .build();
    }

    ListPackagesResponse listPackages(ListPackagesRequest request) {
        PageRequest page = BoundPages.request(request);
        Instant now = clock.instant();
        Set<PackageState> states =
                request.getStatesList().stream()
                        .map(LedgerProtoMapper::fromProto)
                        .filter(s -> s != null)
                        .collect(Collectors.toSet());
        Set<PackageKind> kinds =
                request.getKindsList().stream()
                        .map(LedgerProtoMapper::fromProto)
                        .filter(k -> k != null)
                        .collect(Collectors.toSet());
        List<PrepaidPackage> all =
                purchases.ofAccount(request.getAccountId()).stream()
                        .filter(p -> states.isEmpty() || states.contains(p.state(now)))
                        .filter(p -> kinds.isEmpty() || kinds.contains(p.kind()))
                        .toList();
        return ListPackagesResponse.newBuilder()
                .addAllPrepaidPackages(page.of(all).stream().map(this::view).toList())
                .setNextPageToken(BoundPages.bind(request, page.nextToken(all)))
                .build();
    }

    CreateOfferResponse createOffer(CreateOfferRequest request) {
        Offer offer = request.getOffer();
        var created =
                offers.create(
                        offer.getDisplayName(),
                        offer.getMinutes(),
                        offer.hasPrice() ? money(offer.getPrice()) : Optional.empty(),
                        offer.getValidityMonths(),
                        offer.getEligibilityRulesList().stream()
                                .map(LedgerProtoMapper::fromProto)
                                .toList(),
                        offer.hasSalesStartTime()
                                ? Optional.of(ProtoTime.instant(offer.getSalesStartTime()))
                                : Optional.empty(),
                        offer.hasSalesEndTime()
                                ? Optional.of(ProtoTime.instant(offer.getSalesEndTime()))
                                : Optional.empty(),
                        offer.getRefundable());
        return CreateOfferResponse.newBuilder().setOffer(toProto(created, clock.instant())).build();
    }

    GetOfferResponse getOffer(GetOfferRequest request) {
        return GetOfferResponse.newBuilder()
                .setOffer(toProto(offers.get(request.getOfferId()), clock.instant()))
                .build();
    }

    ListOffersResponse listOffers(ListOffersRequest request) {
        new FieldChecks()
                .check(
                        dev.rtcsuite.packages.v1.OfferState.forNumber(request.getStateValue())
                                != null,
                        "state",
                        "must be an OfferState value, or unset for all")
                .throwIfInvalid();
        PageRequest page = BoundPages.request(request);
        Instant now = clock.instant();
        var all =
                offers.list(
                        Optional.ofNullable(fromProto(request.getState())),
                        request.getEligibleAccountId());
        return ListOffersResponse.newBuilder()
                .addAllOffers(page.of(all).stream().map(o -> toProto(o, now)).toList())
                .setNextPageToken(BoundPages.bind(request, page.nextToken(all)))
                .build();
    }

    DeductUsageResponse deduct(DeductUsageRequest request) {
        return DeductUsageResponse.newBuilder()
                .setDeduction(toProto(deductions.deduct(interval(request))))
                .build();
    }

    /** Each interval's outcome; {@code statusOf} answers a refused one as DeductUsage would. */
    BatchDeductUsageResponse batchDeduct(
            BatchDeductUsageRequest request,
            Function<ServiceException, com.google.rpc.Status> statusOf) {
        var response = BatchDeductUsageResponse.newBuilder();
        for (Deductions.Outcome outcome :
                deductions.deductAll(
                        request.getRequestsList().stream().map(LedgerRpcs::interval).toList())) {
            response.addOutcomes(
                    outcome.refusal() == null
                            ? DeductUsageOutcome.newBuilder()
                                    .setDeduction(toProto(outcome.deduction()))
                            : DeductUsageOutcome.newBuilder()
                                    .setError(statusOf.apply(outcome.refusal())));
        }
        return response.build();
    }

    private static Deductions.IntervalRequest interval(DeductUsageRequest request) {
        return new Deductions.IntervalRequest(
                request.getRequestId(),
                request.getSdkAppId(),
                request.hasBillingDay()
                        ? ProtoTime.localDate(request.getBillingDay())
                        : Optional.empty(),
                request.getItem() == BillableItem.BILLABLE_ITEM_BASE_SERVICE,
                fromProto(request.getTier()),
                request.getIntervalIndex(),
                request.getUsageMinutes(),
                request.hasUnitPrice() ? money(request.getUnitPrice()) : Optional.empty(),
                request.getPriceBookVersion());
    }

    ListDeductionsResponse listDeductions(ListDeductionsRequest request) {
        PageRequest page = BoundPages.request(request);
        AccountBook book = books.read(request.getAccountId(), "account_id");
        Optional<UUID> packageId =
                request.getPackageId().isEmpty()
                        ? Optional.empty()
                        : Optional.of(AccountBooks.parse(request.getPackageId(), "package_id"));
        List<DeductionRepository.Stored> rows =
                deductionRows.list(
                        book.accountId(),
                        request.getSdkAppId(),
                        request.hasBillingDay()
                                ? ProtoTime.localDate(request.getBillingDay())
                                : Optional.empty(),
                        packageId,
                        page.after(),
                        page.size());
        return ListDeductionsResponse.newBuilder()
                .addAllDeductions(
                        rows.stream().limit(page.size()).map(r -> toProto(r.deduction())).toList())
                .setNextPageToken(
                        BoundPages.bind(
                                request,
                                page.keysetNextToken(rows, DeductionRepository.Stored::seq)))
                .build();
    }

    EnablePostpaidResponse enablePostpaid(EnablePostpaidRequest request) {
        return EnablePostpaidResponse.newBuilder()
                .setAccount(toProto(actions.enablePostpaid(request.getAccountId())))
                .build();
    }

    GetBalanceResponse balance(GetBalanceRequest request) {
        AccountBook book = books.read(request.getAccountId(), "account_id");
        Balances balances = wallets.balances(request.getAccountId());
        Instant now = clock.instant();
        return GetBalanceResponse.newBuilder()
                .addAllBalances(
                        balances.inDisplayOrder().stream()
                                .map(
                                        funds ->
                                                toProto(
                                                        book.accountId(),
                                                        funds,
                                                        wallets.unsettledCharges(
                                                                request.getAccountId(),
                                                                funds.currency()),
                                                        now))
                                .toList())
                .build();
    }

    TopUpResponse topUp(TopUpRequest request) {
        Wallets.TopUp done =
                wallets.topUp(
                        request.getAccountId(),
                        request.hasAmount() ? money(request.getAmount()) : Optional.empty(),
                        fromProto(request.getFund()),
                        request.getExternalReference(),
                        request.getRequestId());
        return TopUpResponse.newBuilder()
                .setBalance(
                        toProto(
                                done.account().accountId(),
                                done.balance(),
                                wallets.unsettledCharges(
                                        request.getAccountId(), done.balance().currency()),
                                clock.instant()))
                .setEntry(toProto(done.entry()))
                .setAccount(toProto(done.account()))
                .build();
    }

    SetSettlementCycleResponse setSettlementCycle(SetSettlementCycleRequest request) {
        var cycle =
                switch (request.getSettlementCycle()) {
                    case SETTLEMENT_CYCLE_DAILY ->
                            dev.rtcsuite.packages.domain.settlement.SettlementCycle.DAILY;
                    case SETTLEMENT_CYCLE_MONTHLY ->
                            dev.rtcsuite.packages.domain.settlement.SettlementCycle.MONTHLY;
                    default -> null;
                };
        return SetSettlementCycleResponse.newBuilder()
                .setAccount(toProto(registry.setSettlementCycle(request.getAccountId(), cycle)))
                .build();
    }

    SettleDayResponse settleDay(SettleDayRequest request) {
        Optional<java.time.LocalDate> day =
                request.hasBillingDay()
                        ? ProtoTime.localDate(request.getBillingDay())
                        : Optional.empty();
        new FieldChecks()
                .check(day.isPresent(), "billing_day", "required: a valid date")
                .throwIfInvalid();
        if (request.getAccountId().isEmpty()) {
            return SettleDayResponse.newBuilder()
                    .setSettledAccountCount(settlements.settleAll(day.get()))
                    .build();
        }
        var statements = settlements.settle(request.getAccountId(), day.get());
        return SettleDayResponse.newBuilder()
                .addAllStatements(statements.stream().map(LedgerProtoMapper::toProto).toList())
                .setSettledAccountCount(1)
                .build();
    }

    GetStatementResponse getStatement(GetStatementRequest request) {
        return GetStatementResponse.newBuilder()
                .setStatement(toProto(settlements.statement(request.getStatementId())))
                .build();
    }

    ListStatementsResponse listStatements(ListStatementsRequest request) {
        PageRequest page = BoundPages.request(request);
        var rows =
                settlements.statements(
                        request.getAccountId(),
                        Optional.ofNullable(fromProto(request.getKind())),
                        request.hasStartDay()
                                ? ProtoTime.localDate(request.getStartDay())
                                : Optional.empty(),
                        request.hasEndDay()
                                ? ProtoTime.localDate(request.getEndDay())
                                : Optional.empty(),
                        page.after(),
                        page.size());
        return ListStatementsResponse.newBuilder()
                .addAllStatements(
                        rows.stream().limit(page.size()).map(LedgerProtoMapper::toProto).toList())
                .setNextPageToken(
                        BoundPages.bind(
                                request,
                                PageRequest.token(
                                        rows.size() > page.size()
                                                ? Optional.of(page.after() + page.size())
                                                : Optional.empty())))
                .build();
    }

    ListLedgerEntriesResponse listLedgerEntries(ListLedgerEntriesRequest request) {
        PageRequest page = BoundPages.request(request);
        Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
        request.getKindsList().stream()
                .map(LedgerProtoMapper::fromProto)
                .filter(k -> k != null)
                .forEach(kinds::add);
        List<MoneyRepository.Entry> rows =
                wallets.entries(
                        request.getAccountId(),
                        kinds,
                        request.hasStartTime()
                                ? Optional.of(ProtoTime.instant(request.getStartTime()))
                                : Optional.empty(),
                        request.hasEndTime()
                                ? Optional.of(ProtoTime.instant(request.getEndTime()))
                                : Optional.empty(),
                        page);
        return ListLedgerEntriesResponse.newBuilder()
                .addAllEntries(
                        rows.stream().limit(page.size()).map(LedgerProtoMapper::toProto).toList())
                .setNextPageToken(
                        BoundPages.bind(
                                request, page.keysetNextToken(rows, MoneyRepository.Entry::seq)))
                .build();
    }

    SuspendAccountForViolationResponse suspend(SuspendAccountForViolationRequest request) {
        return SuspendAccountForViolationResponse.newBuilder()
                .setAccount(
                        toProto(
                                actions.suspendForViolation(
                                        request.getAccountId(), request.getReason())))
                .build();
    }

    ReclaimAccountResponse reclaim(ReclaimAccountRequest request) {
        return ReclaimAccountResponse.newBuilder()
                .setAccount(toProto(actions.reclaim(request.getAccountId())))
                .build();
    }

    ListAccountNoticesResponse notices(ListAccountNoticesRequest request) {
        PageRequest page = BoundPages.request(request);
        var rows = actions.notices(request.getAccountId(), page);
        return ListAccountNoticesResponse.newBuilder()
                .addAllNotices(
                        rows.stream().limit(page.size()).map(LedgerProtoMapper::toProto).toList())
                .setNextPageToken(
                        BoundPages.bind(request, page.keysetNextToken(rows, r -> r.seq())))
                .build();
    }

    RequestRefundResponse requestRefund(RequestRefundRequest request) {
        return RequestRefundResponse.newBuilder()
                .setRefund(toProto(refunds.request(request.getPackageId(), request.getReason())))
                .build();
    }

    ApproveRefundResponse approveRefund(ApproveRefundRequest request) {
        return ApproveRefundResponse.newBuilder()
                .setRefund(toProto(refunds.approve(request.getRefundId(), request.getReviewer())))
                .build();
    }

    RejectRefundResponse rejectRefund(RejectRefundRequest request) {
        return RejectRefundResponse.newBuilder()
                .setRefund(
                        toProto(
                                refunds.reject(
                                        request.getRefundId(),
                                        request.getReviewer(),
                                        request.getReason())))
                .build();
    }

    GetRefundResponse getRefund(GetRefundRequest request) {
        return GetRefundResponse.newBuilder()
                .setRefund(toProto(refunds.get(request.getRefundId())))
                .build();
    }

    ListRefundsResponse listRefunds(ListRefundsRequest request) {
        PageRequest page = BoundPages.request(request);
        Set<RefundState> states = EnumSet.noneOf(RefundState.class);
        request.getStatesList().stream()
                .map(LedgerProtoMapper::fromProto)
                .filter(s -> s != null)
                .forEach(states::add);
        List<RefundRepository.Stored> rows = refunds.list(request.getAccountId(), states, page);
        return ListRefundsResponse.newBuilder()
                .addAllRefunds(
                        rows.stream().limit(page.size()).map(r -> toProto(r.refund())).toList())
                .setNextPageToken(
                        BoundPages.bind(
                                request, page.keysetNextToken(rows, RefundRepository.Stored::seq)))
                .build();
    }

    private dev.rtcsuite.packages.v1.PrepaidPackage view(PrepaidPackage p) {
        AccountBook owner = books.read(p.accountId());
        return toProto(p, refunds.isRefundable(p), clock.instant(), owner.zone());
    }

    private static PackageChoice choice(
            QuotePackagePriceRequest.SizeCase size, QuotePackagePriceRequest request) {
        return switch (size) {
            case FIXED_SIZE -> new PackageChoice.Fixed(fromProto(request.getFixedSize()));
            case CUSTOM_MINUTES -> new PackageChoice.Custom(request.getCustomMinutes());
            case OFFER_ID -> new PackageChoice.OfferChoice(request.getOfferId());
            case SIZE_NOT_SET -> new PackageChoice.Missing();
        };
    }
}
