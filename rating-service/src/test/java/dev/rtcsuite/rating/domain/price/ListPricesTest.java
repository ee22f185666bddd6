package dev.rtcsuite.rating.domain.price;

import static dev.rtcsuite.rating.domain.RatingFixtures.cny;
import static dev.rtcsuite.rating.domain.RatingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SPEC R-1, R-7: the list prices")
class ListPricesTest {

    private final EffectivePrices prices = ListPrices.effective();

    @ParameterizedTest(name = "{0} {1} costs {2} per minute")
    @CsvSource({
        "BASE_SERVICE,            AUDIO, 0.00700000",
        "BASE_SERVICE,            SD,    0.01400000",
        "BASE_SERVICE,            HD,    0.02800000",
        "BASE_SERVICE,            FHD,   0.06300000",
        "BASE_SERVICE,            QHD,   0.11200000",
        "BASE_SERVICE,            UHD,   0.25200000",
        "RECORDING_SINGLE_STREAM, AUDIO, 0.00350000",
        "RECORDING_SINGLE_STREAM, FHD,   0.03100000",
        "RECORDING_SINGLE_STREAM, UHD,   0.09700000",
        "RECORDING_MIXED_STREAM,  AUDIO, 0.00900000",
        "RECORDING_MIXED_STREAM,  SD,    0.01900000",
        "RECORDING_MIXED_STREAM,  UHD,   0.32300000",
        "MIX_TRANSCODE_H264,      AUDIO, 0.00560000",
        "MIX_TRANSCODE_H264,      QHD,   0.08200000",
        "MIX_TRANSCODE_H265,      SD,    0.03500000",
        "MIX_TRANSCODE_H265,      UHD,   0.58300000",
    })
    void perMinutePriceIsThePerThousandPriceOverAThousandAtScale8(
            BillableItem item, ResolutionTier tier, String perMinute) {
        PriceQuote quote = prices.quote(ChargeKey.of(item, RatedTier.of(tier)));

        assertThat(quote.unitPrice()).isEqualTo(cny(perMinute));
        assertThat(quote.priceBookVersion()).isEqualTo(ListPrices.VERSION);
        assertThat(quote.contract()).isFalse();
    }

    @Test
    void inClassRecordingIsPricedInUsd() {
        assertThat(prices.quote(ChargeKey.untiered(BillableItem.IN_CLASS_RECORDING)).unitPrice())
                .isEqualTo(usd("0.00700000"));
    }

    @Test
    void quantityItemsHaveOneUnitPrice() {
        assertThat(unitPrice(BillableItem.LEGACY_RECORDING).isEqualTo(cny("30"))).isTrue();
        assertThat(unitPrice(BillableItem.STORAGE).isEqualTo(cny("0.0048"))).isTrue();
        assertThat(unitPrice(BillableItem.PLAYBACK_TRAFFIC).isEqualTo(cny("0.23"))).isTrue();
    }

    @Test
    void videoAboveThe4kBoundIsPricedAsUhd() {
        ChargeKey above =
                ChargeKey.of(
                        BillableItem.BASE_SERVICE, new RatedTier.Tiered(ResolutionTier.UHD, true));

        assertThat(prices.quote(above).unitPrice()).isEqualTo(cny("0.25200000"));
    }

    @Test
    void freeChargesAreQuotedZeroUnderTheListVersion() {
        PriceQuote quote =
                prices.quote(ChargeKey.untiered(BillableItem.IN_CLASS_RECORDING).asFree());

        assertThat(quote.unitPrice().isEqualTo(Money.zero(Money.USD))).isTrue();
        assertThat(quote.priceBookVersion()).isEqualTo(ListPrices.VERSION);
    }

    private Money unitPrice(BillableItem item) {
        return prices.quote(ChargeKey.untiered(item)).unitPrice();
    }
}
