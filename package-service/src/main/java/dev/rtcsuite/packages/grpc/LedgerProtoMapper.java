package dev.rtcsuite.packages.grpc;

import static dev.rtcsuite.platform.grpc.ProtoTime.date;
import static dev.rtcsuite.platform.grpc.ProtoTime.timestamp;

import com.google.type.Decimal;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.deduction.PackageDeduction;
import dev.rtcsuite.packages.domain.money.FundType;
import dev.rtcsuite.packages.domain.money.Funds;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.money.PaymentBreakdown;
import dev.rtcsuite.packages.domain.offer.Offer;
import dev.rtcsuite.packages.domain.offer.OfferEligibilityRule;
import dev.rtcsuite.packages.domain.prepaid.FixedPackageSize;
import dev.rtcsuite.packages.domain.prepaid.PackageKind;
import dev.rtcsuite.packages.domain.prepaid.PackageState;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.refund.Refund;
import dev.rtcsuite.packages.domain.refund.RefundRules;
import dev.rtcsuite.packages.domain.refund.RefundState;
import dev.rtcsuite.packages.domain.settlement.ChargeLine;
import dev.rtcsuite.packages.domain.settlement.Statement;
import dev.rtcsuite.packages.domain.settlement.StatementKind;
import dev.rtcsuite.packages.domain.standing.AccountNoticeKind;
import dev.rtcsuite.packages.persistence.MoneyRepository;
import dev.rtcsuite.packages.persistence.MoneyRepository.EntryKind;
import dev.rtcsuite.packages.persistence.NoticeRepository;
import dev.rtcsuite.packages.v1.AccountNotice;
import dev.rtcsuite.packages.v1.Balance;
import dev.rtcsuite.packages.v1.DeductionKind;
import dev.rtcsuite.packages.v1.DeductionRatio;
import dev.rtcsuite.packages.v1.LedgerEntry;
import dev.rtcsuite.packages.v1.LedgerEntryKind;
import dev.rtcsuite.packages.v1.StatementLine;
import dev.rtcsuite.packages.v1.StatementState;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * Domain ↔ proto for packages, deductions, money, statements, refunds, notices and offers. Mapping
 * only, no rules; enums map by name (the proto's carry a prefix).
 */
final class LedgerProtoMapper {

    private LedgerProtoMapper() {}

    static com.google.type.Money money(Money money) {
        return ProtoMoney.money(money.amount(), money.currency());
    }

    /** Empty for a missing or malformed amount (an unknown currency, too many decimals). */
    static Optional<Money> money(com.google.type.Money proto) {
        if (proto.getCurrencyCode().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Money.of(
                            ProtoMoney.amount(proto),
                            Currency.getInstance(proto.getCurrencyCode())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Decimal decimal(BigDecimal value) {
        return Decimal.newBuilder().setValue(value.toPlainString()).build();
    }

    static dev.rtcsuite.packages.v1.PrepaidPackage toProto(
            PrepaidPackage p, boolean refundable, Instant now, ZoneId zone) {
        dev.rtcsuite.packages.v1.PrepaidPackage.Builder proto =
                dev.rtcsuite.packages.v1.PrepaidPackage.newBuilder()
                        .setPackageId(p.packageId().toString())
                        .setAccountId(p.accountId().toString())
                        .setKind(
                                dev.rtcsuite.packages.v1.PackageKind.valueOf(
                                        "PACKAGE_KIND_" + p.kind().name()))
                        .setState(toProto(p.state(now)))
                        .setDisplayName(p.terms().displayName())
                        .setTotalMinutes(p.totalMinutes())
                        .setRemainingMinutes(p.remainingMinutes())
                        .setPrice(money(p.terms().price()))
                        .setPayment(toProto(p.payment()))
                        .setPurchaseTime(timestamp(p.purchaseTime()))
                        .setActivationTime(timestamp(p.activationTime()))
                        .setLastValidDay(date(p.validity().lastDay()))
                        .setExpireTime(timestamp(p.validity().expireTime()))
                        .setOfferId(p.terms().offerId().map(UUID::toString).orElse(""))
                        .setRefundable(refundable)
                        .setNote(p.note());
        for (dev.rtcsuite.packages.domain.usage.ResolutionTier tier :
                dev.rtcsuite.packages.domain.usage.ResolutionTier.values()) {
            proto.addDeductionRatios(
                    DeductionRatio.newBuilder()
                            .setTier(toProto(tier))
                            .setPackageMinutes(p.ratio(tier)));
        }
        RefundRules.deadline(p).ifPresent(t -> proto.setRefundDeadlineTime(timestamp(t)));
        p.terms().perMinutePrice().ifPresent(m -> proto.setPerMinutePrice(money(m)));
        p.terms().fixedSize().ifPresent(size -> proto.setFixedSize(toProto(size)));
        return proto.build();
    }

    static dev.rtcsuite.packages.v1.FixedPackageSize toProto(FixedPackageSize size) {
        return dev.rtcsuite.packages.v1.FixedPackageSize.valueOf(
                "FIXED_PACKAGE_SIZE_" + size.name().replace("SIZE_", ""));
    }

    /** Null for UNSPECIFIED or unknown values. */
    static FixedPackageSize fromProto(dev.rtcsuite.packages.v1.FixedPackageSize size) {
        return switch (size) {
            case FIXED_PACKAGE_SIZE_25K -> FixedPackageSize.SIZE_25K;
            case FIXED_PACKAGE_SIZE_250K -> FixedPackageSize.SIZE_250K;
            case FIXED_PACKAGE_SIZE_1000K -> FixedPackageSize.SIZE_1000K;
            case FIXED_PACKAGE_SIZE_3000K -> FixedPackageSize.SIZE_3000K;
            default -> null;
        };
    }

    static dev.rtcsuite.packages.v1.PackageState toProto(PackageState state) {
        return dev.rtcsuite.packages.v1.PackageState.valueOf("PACKAGE_STATE_" + state.name());
    }

    /** Null for UNSPECIFIED or unknown values. */
    static PackageState fromProto(dev.rtcsuite.packages.v1.PackageState state) {
        return byName(PackageState.class, state.name(), "PACKAGE_STATE_");
    }

    static PackageKind fromProto(dev.rtcsuite.packages.v1.PackageKind kind) {
        return byName(PackageKind.class, kind.name(), "PACKAGE_KIND_");
    }

    static RefundState fromProto(dev.rtcsuite.packages.v1.RefundState state) {
        return byName(RefundState.class, state.name(), "REFUND_STATE_");
    }

    static EntryKind fromProto(LedgerEntryKind kind) {
        return byName(EntryKind.class, kind.name(), "LEDGER_ENTRY_KIND_");
    }

    static StatementKind fromProto(dev.rtcsuite.packages.v1.StatementKind kind) {
        return byName(StatementKind.class, kind.name(), "STATEMENT_KIND_");
    }

    static dev.rtcsuite.packages.domain.usage.ResolutionTier fromProto(ResolutionTier tier) {
        return byName(
                dev.rtcsuite.packages.domain.usage.ResolutionTier.class,
                tier.name(),
                "RESOLUTION_TIER_");
    }

    static dev.rtcsuite.packages.domain.prepaid.LegacyPackageType fromProto(
            dev.rtcsuite.packages.v1.LegacyPackageType type) {
        return byName(
                dev.rtcsuite.packages.domain.prepaid.LegacyPackageType.class,
                type.name(),
                "LEGACY_PACKAGE_TYPE_");
    }

    static dev.rtcsuite.packages.domain.offer.OfferState fromProto(
            dev.rtcsuite.packages.v1.OfferState state) {
        return byName(
                dev.rtcsuite.packages.domain.offer.OfferState.class, state.name(), "OFFER_STATE_");
    }

    static OfferEligibilityRule fromProto(dev.rtcsuite.packages.v1.OfferEligibilityRule rule) {
        return byName(OfferEligibilityRule.class, rule.name(), "OFFER_ELIGIBILITY_RULE_");
    }

    static dev.rtcsuite.packages.v1.OfferEligibilityRule toProto(OfferEligibilityRule rule) {
        return dev.rtcsuite.packages.v1.OfferEligibilityRule.valueOf(
                "OFFER_ELIGIBILITY_RULE_" + rule.name());
    }

    /** CASH for UNSPECIFIED, as TopUp documents. */
    static FundType fromProto(dev.rtcsuite.packages.v1.FundType fund) {
        FundType type = byName(FundType.class, fund.name(), "FUND_TYPE_");
        return type == null ? FundType.CASH : type;
    }

    static ResolutionTier toProto(dev.rtcsuite.packages.domain.usage.ResolutionTier tier) {
        return ResolutionTier.valueOf("RESOLUTION_TIER_" + tier.name());
    }

    static dev.rtcsuite.packages.v1.PaymentBreakdown toProto(PaymentBreakdown paid) {
        return dev.rtcsuite.packages.v1.PaymentBreakdown.newBuilder()
                .setCash(money(paid.cash()))
                .setIncomeTransfer(money(paid.incomeTransfer()))
                .setGift(money(paid.gift()))
                .setVoucher(money(paid.voucher()))
                .build();
    }

    static dev.rtcsuite.packages.v1.Deduction toProto(Deduction d) {
        dev.rtcsuite.packages.v1.Deduction.Builder proto =
                dev.rtcsuite.packages.v1.Deduction.newBuilder()
                        .setDeductionId(d.deductionId().toString())
                        .setSdkAppId(d.key().sdkAppId())
                        .setAccountId(d.accountId().toString())
                        .setBillingDay(date(d.key().billingDay()))
                        .setItem(BillableItem.BILLABLE_ITEM_BASE_SERVICE)
                        .setTier(toProto(d.key().tier()))
                        .setIntervalIndex(d.key().intervalIndex())
                        .setUsageMinutes(d.usageMinutes())
                        .setPostpaidUsageMinutes(decimal(d.postpaidUsageMinutes().toDecimal()))
                        .setPostpaidAmount(money(d.postpaidAmount()))
                        .setUnitPrice(money(d.unitPrice()))
                        .setKind(DeductionKind.valueOf("DEDUCTION_KIND_" + d.kind().name()))
                        .setCreateTime(timestamp(d.createTime()));
        for (PackageDeduction part : d.packageDeductions()) {
            proto.addPackageDeductions(
                    dev.rtcsuite.packages.v1.PackageDeduction.newBuilder()
                            .setPackageId(part.packageId().toString())
                            .setPackageMinutes(part.packageMinutes())
                            .setUsageMinutes(decimal(part.usageMinutes().toDecimal()))
                            .setRemainingMinutes(part.minutesAfter()));
        }
        return proto.build();
    }

    static Balance toProto(UUID accountId, Funds funds, Money unsettled, Instant asOf) {
        return Balance.newBuilder()
                .setAccountId(accountId.toString())
                .setCash(money(funds.cash()))
                .setIncomeTransfer(money(funds.incomeTransfer()))
                .setGift(money(funds.gift()))
                .setTotal(money(funds.total()))
                .setUnsettledCharges(money(unsettled))
                .setAsOfTime(timestamp(asOf))
                .build();
    }

    static LedgerEntry toProto(MoneyRepository.Entry e) {
        return LedgerEntry.newBuilder()
                .setEntryId(e.entryId().toString())
                .setAccountId(e.accountId().toString())
                .setKind(LedgerEntryKind.valueOf("LEDGER_ENTRY_KIND_" + e.kind().name()))
                .setFund(dev.rtcsuite.packages.v1.FundType.valueOf("FUND_TYPE_" + e.fund().name()))
                .setAmount(money(e.amount()))
                .setFundBalanceAfter(money(e.fundBalanceAfter()))
                .setPackageId(e.packageId().map(UUID::toString).orElse(""))
                .setRefundId(e.refundId().map(UUID::toString).orElse(""))
                .setStatementId(e.statementId().map(UUID::toString).orElse(""))
                .setRequestId(e.requestId())
                .setExternalReference(e.externalReference())
                .setCreateTime(timestamp(e.createTime()))
                .build();
    }

    static dev.rtcsuite.packages.v1.Statement toProto(Statement s) {
        dev.rtcsuite.packages.v1.Statement.Builder proto =
                dev.rtcsuite.packages.v1.Statement.newBuilder()
                        .setStatementId(s.statementId().toString())
                        .setAccountId(s.accountId().toString())
                        .setKind(
                                dev.rtcsuite.packages.v1.StatementKind.valueOf(
                                        "STATEMENT_KIND_" + s.kind().name()))
                        .setStartDay(date(s.startDay()))
                        .setEndDay(date(s.endDay()))
                        .setState(StatementState.valueOf("STATEMENT_STATE_" + s.state().name()))
                        .setTotalAmount(money(s.totalAmount()))
                        .setChargedAmount(money(s.chargedAmount()))
                        .setArrearsTriggered(s.arrearsTriggered())
                        .setSettleTime(timestamp(s.settleTime()));
        s.balanceAfter().ifPresent(b -> proto.setBalanceAfter(money(b)));
        for (ChargeLine line : s.lines()) {
            StatementLine.Builder l =
                    StatementLine.newBuilder()
                            .setSdkAppId(line.sdkAppId())
                            .setItem(BillableItem.valueOf("BILLABLE_ITEM_" + line.item().name()))
                            .setAbove4K(line.above4k())
                            .setQuantity(decimal(line.quantity()))
                            .setAmount(money(line.amount()))
                            .setRoundedAmount(money(line.roundedAmount()));
            line.tier().ifPresent(t -> l.setTier(toProto(t)));
            proto.addLines(l);
        }
        return proto.build();
    }

    static dev.rtcsuite.packages.v1.Refund toProto(Refund r) {
        dev.rtcsuite.packages.v1.Refund.Builder proto =
                dev.rtcsuite.packages.v1.Refund.newBuilder()
                        .setRefundId(r.refundId().toString())
                        .setAccountId(r.accountId().toString())
                        .setPackageId(r.packageId().toString())
                        .setState(
                                dev.rtcsuite.packages.v1.RefundState.valueOf(
                                        "REFUND_STATE_" + r.state().name()))
                        .setReason(r.reason())
                        .setRejectionReason(r.rejectionReason())
                        .setAmount(money(r.amount()))
                        .setRefundBreakdown(toProto(r.breakdown()))
                        .setRequestTime(timestamp(r.requestTime()))
                        .setReviewDeadlineTime(timestamp(r.reviewDeadlineTime()))
                        .setReviewer(r.reviewer());
        r.decideTime().ifPresent(t -> proto.setDecideTime(timestamp(t)));
        return proto.build();
    }

    static AccountNotice toProto(NoticeRepository.Stored n) {
        AccountNotice.Builder proto =
                AccountNotice.newBuilder()
                        .setNoticeId(n.noticeId().toString())
                        .setAccountId(n.accountId().toString())
                        .setKind(toProto(n.notice().kind()))
                        .setMessage(n.notice().message())
                        .setBalance(money(n.balance()))
                        .setCreateTime(timestamp(n.notice().createTime()));
        n.notice().deadlineTime().ifPresent(t -> proto.setDeadlineTime(timestamp(t)));
        return proto.build();
    }

    static dev.rtcsuite.packages.v1.AccountNoticeKind toProto(AccountNoticeKind kind) {
        return dev.rtcsuite.packages.v1.AccountNoticeKind.valueOf(
                "ACCOUNT_NOTICE_KIND_" + kind.name());
    }

    static dev.rtcsuite.packages.v1.Offer toProto(Offer offer, Instant now) {
        dev.rtcsuite.packages.v1.Offer.Builder proto =
                dev.rtcsuite.packages.v1.Offer.newBuilder()
                        .setOfferId(offer.offerId().toString())
                        .setDisplayName(offer.displayName())
                        .setMinutes(offer.minutes())
                        .setPrice(money(offer.price()))
                        .setValidityMonths(offer.validityMonths())
                        .addAllEligibilityRules(
                                offer.eligibilityRules().stream()
                                        .sorted()
                                        .map(LedgerProtoMapper::toProto)
                                        .toList())
                        .setSalesStartTime(timestamp(offer.salesStartTime()))
                        .setRefundable(offer.refundable())
                        .setState(
                                dev.rtcsuite.packages.v1.OfferState.valueOf(
                                        "OFFER_STATE_" + offer.state(now).name()))
                        .setCreateTime(timestamp(offer.createTime()));
        offer.salesEndTime().ifPresent(t -> proto.setSalesEndTime(timestamp(t)));
        return proto.build();
    }

    /** The constant of {@code type} named {@code protoName} without {@code prefix}; else null. */
    private static <E extends Enum<E>> E byName(Class<E> type, String protoName, String prefix) {
        if (!protoName.startsWith(prefix)) {
            return null;
        }
        try {
            return Enum.valueOf(type, protoName.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
