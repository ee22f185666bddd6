package dev.rtcsuite.rating.domain.price;

import static dev.rtcsuite.rating.domain.RatingFixtures.cny;
import static dev.rtcsuite.rating.domain.RatingFixtures.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC R-1: versioned, effective-dated price books and contract overrides")
class PriceBookTest {

    private static final String ACCOUNT = "acme";
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final ChargeKey HD_H264 =
            ChargeKey.of(BillableItem.MIX_TRANSCODE_H264, RatedTier.of(ResolutionTier.HD));
    private static final ChargeKey SD_H264 =
            ChargeKey.of(BillableItem.MIX_TRANSCODE_H264, RatedTier.of(ResolutionTier.SD));

    private static final PriceBook PROMOTION =
            PriceBook.builder("promo-hd-h264", PriceBookKind.CONTRACT)
                    .perMinute(
                            BillableItem.MIX_TRANSCODE_H264,
                            ResolutionTier.HD,
                            Money.CNY,
                            decimal("0.0325"))
                    .build();

    @Test
    void theListBookWithTheLatestEffectiveTimeNotAfterTheInstantApplies() {
        PriceCatalog catalog =
                PriceCatalog.of(
                        new DatedPriceBook(JAN, ListPrices.book("list-jan")),
                        new DatedPriceBook(MAR, ListPrices.book("list-mar")));

        assertThat(catalog.inForce(ACCOUNT, JAN).list().version()).isEqualTo("list-jan");
        assertThat(catalog.inForce(ACCOUNT, MAR.minusSeconds(1)).list().version())
                .isEqualTo("list-jan");
        assertThat(catalog.inForce(ACCOUNT, MAR).list().version()).isEqualTo("list-mar");
    }

    @Test
    void noListBookBeforeTheFirstEffectiveTimeIsAnError() {
        PriceCatalog catalog = PriceCatalog.of(new DatedPriceBook(MAR, ListPrices.book()));

        assertThatIllegalArgumentException().isThrownBy(() -> catalog.inForce(ACCOUNT, JAN));
    }

    @Test
    void aContractOverridesOnlyTheItemsAndTiersItNames() {
        EffectivePrices prices = EffectivePrices.withContract(ListPrices.book(), PROMOTION);

        assertThat(prices.quote(HD_H264))
                .isEqualTo(new PriceQuote(cny("0.03250000"), "promo-hd-h264", true));
        assertThat(prices.quote(SD_H264))
                .isEqualTo(new PriceQuote(cny("0.01200000"), ListPrices.VERSION, false));
    }

    @Test
    void aContractAppliesFromItsAssignmentUntilItIsRemoved() {
        PriceCatalog catalog =
                PriceCatalog.of(ListPrices.dated())
                        .withContract(ContractAssignment.assign(ACCOUNT, JAN, PROMOTION))
                        .withContract(ContractAssignment.remove(ACCOUNT, MAR));
        PriceSource prices = catalog.forAccount(ACCOUNT);

        assertThat(prices.at(JAN.minusSeconds(1)).quote(HD_H264).contract()).isFalse();
        assertThat(prices.at(JAN).quote(HD_H264).contract()).isTrue();
        assertThat(prices.at(MAR).quote(HD_H264).contract()).isFalse();
        assertThat(catalog.forAccount("someone-else").at(JAN).quote(HD_H264).contract()).isFalse();
    }

    @Test
    void aListBookMustPriceEveryItemAndEveryTier() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                PriceBook.builder("partial", PriceBookKind.LIST)
                                        .perThousandMinutes(
                                                BillableItem.BASE_SERVICE,
                                                ResolutionTier.AUDIO,
                                                Money.CNY,
                                                decimal("7"))
                                        .build())
                .withMessageContaining("does not price");
    }

    @Test
    void everyPriceOfAnItemIsInOneCurrency() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                PriceBook.builder("mixed", PriceBookKind.CONTRACT)
                                        .perMinute(
                                                BillableItem.BASE_SERVICE,
                                                ResolutionTier.SD,
                                                Money.CNY,
                                                decimal("0.01"))
                                        .perMinute(
                                                BillableItem.BASE_SERVICE,
                                                ResolutionTier.HD,
                                                Money.USD,
                                                decimal("0.01")));
    }

    @Test
    void pricesAreNeverNegative() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                PriceBook.builder("negative", PriceBookKind.CONTRACT)
                                        .perUnit(BillableItem.STORAGE, Money.CNY, decimal("-1")));
    }

    @Test
    void onlyListBooksAreEffectiveDatedAndOnlyContractBooksAreAssigned() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DatedPriceBook(JAN, PROMOTION));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContractAssignment.assign(ACCOUNT, JAN, ListPrices.book()));
    }

    @Test
    void twoListBooksCannotTakeEffectAtTheSameInstant() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new PriceCatalog(
                                        List.of(
                                                new DatedPriceBook(JAN, ListPrices.book("a")),
                                                new DatedPriceBook(JAN, ListPrices.book("b"))),
                                        List.of()));
    }
}
