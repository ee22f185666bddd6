package dev.rtcsuite.rating.grpc;

import com.google.type.Decimal;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.rating.application.RatedDay;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.accumulation.IntervalMinutes;
import dev.rtcsuite.rating.domain.accumulation.IntervalUsage;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.bill.CurrencyTotal;
import dev.rtcsuite.rating.domain.estimate.EstimateLine;
import dev.rtcsuite.rating.v1.BillState;
import dev.rtcsuite.rating.v1.QuantityUnit;
import java.math.BigDecimal;

/**
 * Domain → proto for rated lines and money. The domain's enum constants carry the proto enum's
 * names without its prefix (QHD is "2K", UHD is "4K" in both), so enums map by name.
 */
final class RatingProtoMapper {

    private RatingProtoMapper() {}

    static com.google.type.Money money(Money money) {
        return ProtoMoney.money(money.amount(), money.currency());
    }

    static dev.rtcsuite.rating.v1.CurrencyTotal total(CurrencyTotal total) {
        return dev.rtcsuite.rating.v1.CurrencyTotal.newBuilder()
                .setExactAmount(money(total.exact()))
                .setRoundedAmount(money(total.rounded()))
                .build();
    }

    static dev.rtcsuite.rating.v1.BillLine billLine(BillLine line) {
        var proto =
                dev.rtcsuite.rating.v1.BillLine.newBuilder()
                        .setItem(item(line.key()))
                        .setTier(tier(line.key()))
                        .setAbove4K(line.key().tier().above4k())
                        .setSeconds(line.seconds())
                        .setUnit(QuantityUnit.valueOf("QUANTITY_UNIT_" + line.unit().name()))
                        .setUnitPrice(money(line.price().unitPrice()))
                        .setAmount(money(line.amount()))
                        .setRoundedAmount(money(line.roundedAmount()))
                        .setPriceBookVersion(line.price().priceBookVersion());
        if (line.unit() == dev.rtcsuite.rating.domain.QuantityUnit.MINUTES) {
            proto.setMinutes(line.minutes());
        }
        return proto.setQuantity(decimal(line.quantity())).build();
    }

    static dev.rtcsuite.rating.v1.EstimateLine estimateLine(EstimateLine estimate) {
        BillLine line = estimate.line();
        return dev.rtcsuite.rating.v1.EstimateLine.newBuilder()
                .setUserId(estimate.userId())
                .setItem(item(line.key()))
                .setTier(tier(line.key()))
                .setAbove4K(line.key().tier().above4k())
                .setMinutes(line.minutes())
                .setUnitPrice(money(line.price().unitPrice()))
                .setAmount(money(line.amount()))
                .setRoundedAmount(money(line.roundedAmount()))
                .build();
    }

    static dev.rtcsuite.rating.v1.DailyBill dailyBill(RatedDay day) {
        return dev.rtcsuite.rating.v1.DailyBill.newBuilder()
                .setAccountId(day.accountId())
                .setSdkAppId(day.sdkAppId())
                .setBillingDay(ProtoTime.date(day.billingDay()))
                .setBillingTimeZone(day.billingZone().getId())
                .setState(day.closed() ? BillState.BILL_STATE_CLOSED : BillState.BILL_STATE_OPEN)
                .addAllLines(day.bill().lines().stream().map(RatingProtoMapper::billLine).toList())
                .addAllTotals(day.bill().totals().stream().map(RatingProtoMapper::total).toList())
                .setComputeTime(ProtoTime.timestamp(day.computedAt()))
                .build();
    }

    static dev.rtcsuite.rating.v1.IntervalUsage interval(RatedDay day, IntervalUsage row) {
        IntervalMinutes minutes = row.minutes();
        return dev.rtcsuite.rating.v1.IntervalUsage.newBuilder()
                .setSdkAppId(day.sdkAppId())
                .setBillingDay(ProtoTime.date(day.billingDay()))
                .setItem(item(row.key()))
                .setTier(tier(row.key()))
                .setIntervalIndex(row.intervalIndex())
                .setIntervalStartTime(ProtoTime.timestamp(row.intervalStart()))
                .setSeconds(minutes.seconds())
                .setCumulativeSeconds(minutes.cumulativeSeconds())
                .setCumulativeBillableMinutes(minutes.cumulativeBillableMinutes())
                .setBillableMinutes(minutes.billableMinutes())
                .setUnitPrice(money(row.price().unitPrice()))
                .setPriceBookVersion(row.price().priceBookVersion())
                .build();
    }

    static BillableItem item(ChargeKey key) {
        return BillableItem.valueOf("BILLABLE_ITEM_" + key.item().name());
    }

    static ResolutionTier tier(ChargeKey key) {
        return key.tier()
                .resolutionTier()
                .map(tier -> ResolutionTier.valueOf("RESOLUTION_TIER_" + tier.name()))
                .orElse(ResolutionTier.RESOLUTION_TIER_UNSPECIFIED);
    }

    private static Decimal decimal(BigDecimal value) {
        return Decimal.newBuilder().setValue(value.toPlainString()).build();
    }
}
