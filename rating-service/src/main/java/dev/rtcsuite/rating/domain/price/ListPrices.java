package dev.rtcsuite.rating.domain.price;

import static dev.rtcsuite.rating.domain.BillableItem.BASE_SERVICE;
import static dev.rtcsuite.rating.domain.BillableItem.IN_CLASS_RECORDING;
import static dev.rtcsuite.rating.domain.BillableItem.LEGACY_RECORDING;
import static dev.rtcsuite.rating.domain.BillableItem.MIX_TRANSCODE_H264;
import static dev.rtcsuite.rating.domain.BillableItem.MIX_TRANSCODE_H265;
import static dev.rtcsuite.rating.domain.BillableItem.PLAYBACK_TRAFFIC;
import static dev.rtcsuite.rating.domain.BillableItem.RECORDING_MIXED_STREAM;
import static dev.rtcsuite.rating.domain.BillableItem.RECORDING_SINGLE_STREAM;
import static dev.rtcsuite.rating.domain.BillableItem.STORAGE;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The list prices of SPEC as a ready-made LIST price book.
 *
 * <p>Minute items per 1,000 minutes by tier (AUDIO, SD, HD, FHD, 2K, 4K); in-class recording 7.00
 * USD per 1,000 minutes; the legacy recording plan 30 CNY per peak channel per month (the R-7
 * example); storage 0.0048 CNY per GB-day; playback traffic 0.23 CNY per GB.
 */
public final class ListPrices {

    /** Version of the book built by {@link #book()}. */
    public static final String VERSION = "list-spec-r1";

    /** Effective time of the spec list prices: before any usage the suite rates. */
    public static final Instant EFFECTIVE_FROM = Instant.parse("2020-01-01T00:00:00Z");

    private static final Map<BillableItem, String[]> PER_THOUSAND_MINUTES =
            Map.of(
                    BASE_SERVICE,
                            new String[] {"7.00", "14.00", "28.00", "63.00", "112.00", "252.00"},
                    RECORDING_SINGLE_STREAM, new String[] {"3.5", "7", "14", "31", "56", "97"},
                    RECORDING_MIXED_STREAM, new String[] {"9", "19", "35", "79", "138", "323"},
                    MIX_TRANSCODE_H264, new String[] {"5.6", "12", "21", "48", "82", "226"},
                    MIX_TRANSCODE_H265, new String[] {"5.6", "35", "68", "136", "292", "583"});

    private ListPrices() {}

    /** The spec list prices as version {@value #VERSION}. */
    public static PriceBook book() {
        return book(VERSION);
    }

    /** The spec list prices under another version. */
    public static PriceBook book(String version) {
        PriceBook.Builder builder = PriceBook.builder(version, PriceBookKind.LIST);
        PER_THOUSAND_MINUTES.forEach(
                (item, prices) -> {
                    for (ResolutionTier tier : ResolutionTier.values()) {
                        builder.perThousandMinutes(
                                item, tier, Money.CNY, new BigDecimal(prices[tier.ordinal()]));
                    }
                });
        return builder.perThousandMinutes(IN_CLASS_RECORDING, Money.USD, new BigDecimal("7.00"))
                .perUnit(LEGACY_RECORDING, Money.CNY, new BigDecimal("30"))
                .perUnit(STORAGE, Money.CNY, new BigDecimal("0.0048"))
                .perUnit(PLAYBACK_TRAFFIC, Money.CNY, new BigDecimal("0.23"))
                .build();
    }

    /** The spec list prices in force from {@link #EFFECTIVE_FROM}. */
    public static DatedPriceBook dated() {
        return new DatedPriceBook(EFFECTIVE_FROM, book());
    }

    /** The spec list prices alone, for accounts without a contract. */
    public static EffectivePrices effective() {
        return EffectivePrices.listOnly(book());
    }
}
