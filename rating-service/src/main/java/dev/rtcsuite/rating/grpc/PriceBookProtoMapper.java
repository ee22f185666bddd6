package dev.rtcsuite.rating.grpc;

import com.google.type.Money;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.rating.application.StoredPriceBook;
import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.price.ContractAssignment;
import dev.rtcsuite.rating.domain.price.ItemPrice;
import dev.rtcsuite.rating.domain.price.PriceBook;
import dev.rtcsuite.rating.domain.price.PriceBookKind;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import dev.rtcsuite.rating.v1.ContractPriceBookAssignment;
import dev.rtcsuite.rating.v1.PriceBookItem;
import dev.rtcsuite.rating.v1.TierPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Price books between proto and domain (SPEC R-1). Tier prices travel per 1,000 minutes, as in the
 * price table; the domain keeps per-minute prices. In-class recording's untiered price is per 1,000
 * minutes too; other untiered items are priced per unit.
 */
final class PriceBookProtoMapper {

    private static final Pattern VERSION = Pattern.compile("[a-z0-9.-]{1,64}");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private PriceBookProtoMapper() {}

    /** A validated book from a CreatePriceBook request; every bad field is named. */
    static PriceBook fromProto(dev.rtcsuite.rating.v1.PriceBook proto, Instant now) {
        FieldChecks checks = new FieldChecks();
        checks.check(
                VERSION.matcher(proto.getVersion()).matches(),
                "price_book.version",
                "must be 1–64 characters of a–z, 0–9, '.' and '-'");
        checks.check(
                proto.getKindValue() == 1 || proto.getKindValue() == 2,
                "price_book.kind",
                "required: PRICE_BOOK_KIND_LIST or PRICE_BOOK_KIND_CONTRACT");
        checks.length(proto.getDisplayName(), 0, 128, "price_book.display_name");
        boolean list = proto.getKindValue() == 1;
        checks.check(
                list == proto.hasEffectiveTime()
                        && (!list || !ProtoTime.instant(proto.getEffectiveTime()).isBefore(now)),
                "price_book.effective_time",
                "a LIST book needs one, not in the past (closed days are never re-rated); a"
                        + " CONTRACT book has none (its assignment says when)");
        PriceBook.Builder builder =
                PriceBook.builder(
                        proto.getVersion(), list ? PriceBookKind.LIST : PriceBookKind.CONTRACT);
        Set<BillableItem> seen = EnumSet.noneOf(BillableItem.class);
        for (int i = 0; i < proto.getItemsCount(); i++) {
            item(checks, builder, seen, proto.getItems(i), "price_book.items[" + i + "]");
        }
        checks.throwIfInvalid();
        try {
            return builder.build();
        } catch (IllegalArgumentException incomplete) {
            checks.check(false, "price_book.items", incomplete.getMessage());
            checks.throwIfInvalid();
            throw incomplete;
        }
    }

    private static void item(
            FieldChecks checks,
            PriceBook.Builder builder,
            Set<BillableItem> seen,
            PriceBookItem proto,
            String path) {
        int number = proto.getItemValue();
        if (number < 1 || number > BillableItem.values().length) {
            checks.check(false, path + ".item", "required: a billable item");
            return;
        }
        BillableItem item = BillableItem.valueOf(proto.getItem().name().substring(14));
        checks.check(seen.add(item), path + ".item", "names an item already priced in this book");
        if (item.tiered()) {
            checks.check(
                    proto.getTierPricesCount() > 0 && !proto.hasUnitPrice(),
                    path + ".tier_prices",
                    item + " is priced per tier: tier_prices, no unit_price");
            Set<Integer> tiers = new HashSet<>();
            for (int t = 0; t < proto.getTierPricesCount(); t++) {
                TierPrice tierPrice = proto.getTierPrices(t);
                String at = path + ".tier_prices[" + t + "]";
                int tier = tierPrice.getTierValue();
                boolean validTier = tier >= 1 && tier <= 6 && tiers.add(tier);
                checks.check(validTier, at + ".tier", "required: AUDIO…UHD, once per item");
                Optional<Price> price =
                        price(
                                checks,
                                tierPrice.getPricePerThousandMinutes(),
                                at + ".price_per_thousand_minutes");
                if (validTier && price.isPresent()) {
                    builder.perThousandMinutes(
                            item,
                            ResolutionTier.values()[tier - 1],
                            price.get().currency(),
                            price.get().amount());
                }
            }
        } else {
            checks.check(
                    proto.hasUnitPrice() && proto.getTierPricesCount() == 0,
                    path + ".unit_price",
                    item + " has no tiers: unit_price, no tier_prices");
            price(checks, proto.getUnitPrice(), path + ".unit_price")
                    .ifPresent(
                            p -> {
                                if (item.timeMeasured()) {
                                    builder.perThousandMinutes(item, p.currency(), p.amount());
                                } else {
                                    builder.perUnit(item, p.currency(), p.amount());
                                }
                            });
        }
    }

    private record Price(Currency currency, BigDecimal amount) {}

    private static Optional<Price> price(FieldChecks checks, Money money, String path) {
        Currency currency;
        try {
            currency = Currency.getInstance(money.getCurrencyCode());
        } catch (IllegalArgumentException | NullPointerException e) {
            checks.check(false, path + ".currency_code", "must be an ISO 4217 code such as CNY");
            return Optional.empty();
        }
        boolean valid =
                money.getUnits() >= 0 && money.getNanos() >= 0 && money.getNanos() <= 999_999_999;
        checks.check(valid, path, "must be ≥ 0 with nanos 0–999999999");
        return valid
                ? Optional.of(new Price(currency, ProtoMoney.amount(money)))
                : Optional.empty();
    }

    static dev.rtcsuite.rating.v1.PriceBook toProto(StoredPriceBook stored) {
        PriceBook book = stored.book();
        var proto =
                dev.rtcsuite.rating.v1.PriceBook.newBuilder()
                        .setVersion(book.version())
                        .setKind(
                                book.kind() == PriceBookKind.LIST
                                        ? dev.rtcsuite.rating.v1.PriceBookKind.PRICE_BOOK_KIND_LIST
                                        : dev.rtcsuite.rating.v1.PriceBookKind
                                                .PRICE_BOOK_KIND_CONTRACT)
                        .setDisplayName(stored.displayName())
                        .setCreateTime(ProtoTime.timestamp(stored.createdTime()));
        stored.effectiveFrom().ifPresent(t -> proto.setEffectiveTime(ProtoTime.timestamp(t)));
        book.prices()
                .forEach(
                        (item, price) -> {
                            var line =
                                    PriceBookItem.newBuilder()
                                            .setItem(
                                                    dev.rtcsuite.common.v1.BillableItem.valueOf(
                                                            "BILLABLE_ITEM_" + item.name()));
                            switch (price) {
                                case ItemPrice.Tiered tiered ->
                                        tiered.perMinute()
                                                .forEach(
                                                        (tier, perMinute) ->
                                                                line.addTierPrices(
                                                                        TierPrice.newBuilder()
                                                                                .setTierValue(
                                                                                        tier
                                                                                                        .ordinal()
                                                                                                + 1)
                                                                                .setPricePerThousandMinutes(
                                                                                        money(
                                                                                                tiered
                                                                                                        .currency(),
                                                                                                perMinute
                                                                                                        .multiply(
                                                                                                                THOUSAND)))));
                                case ItemPrice.Flat flat ->
                                        line.setUnitPrice(
                                                money(
                                                        flat.currency(),
                                                        item.timeMeasured()
                                                                ? flat.perUnit().multiply(THOUSAND)
                                                                : flat.perUnit()));
                            }
                            proto.addItems(line);
                        });
        return proto.build();
    }

    static ContractPriceBookAssignment toProto(ContractAssignment assignment) {
        return ContractPriceBookAssignment.newBuilder()
                .setAccountId(assignment.accountId())
                .setPriceBookVersion(assignment.book().map(PriceBook::version).orElse(""))
                .setEffectiveTime(ProtoTime.timestamp(assignment.effectiveFrom()))
                .build();
    }

    private static Money money(Currency currency, BigDecimal amount) {
        return RatingProtoMapper.money(new dev.rtcsuite.rating.domain.Money(amount, currency));
    }
}
