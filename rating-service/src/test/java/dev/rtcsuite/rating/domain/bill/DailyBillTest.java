package dev.rtcsuite.rating.domain.bill;

import static dev.rtcsuite.rating.domain.RatingFixtures.DAY;
import static dev.rtcsuite.rating.domain.RatingFixtures.cny;
import static dev.rtcsuite.rating.domain.RatingFixtures.decimal;
import static dev.rtcsuite.rating.domain.RatingFixtures.span;
import static dev.rtcsuite.rating.domain.RatingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.RatingFixtures;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.price.PriceQuote;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC R-2, R-8: daily bills — exact and rounded amounts, totals per currency")
class DailyBillTest {

    private static final PriceQuote HALF_A_CENT = new PriceQuote(cny("0.005"), "v1", false);

    @Test
    @DisplayName("R-2: the rounded total is the exact total rounded, not the sum of rounded lines")
    void theRoundedTotalRoundsTheExactTotal() {
        DailyBill bill =
                new DailyBill(
                        DAY,
                        List.of(
                                BillLine.ofQuantity(
                                        ChargeKey.untiered(BillableItem.STORAGE),
                                        BigDecimal.ONE,
                                        HALF_A_CENT),
                                BillLine.ofQuantity(
                                        ChargeKey.untiered(BillableItem.PLAYBACK_TRAFFIC),
                                        BigDecimal.ONE,
                                        HALF_A_CENT),
                                BillLine.ofQuantity(
                                        ChargeKey.untiered(BillableItem.LEGACY_RECORDING),
                                        BigDecimal.ONE,
                                        HALF_A_CENT)));

        assertThat(bill.lines()).extracting(BillLine::roundedAmount).containsOnly(cny("0.01"));
        assertThat(bill.total(Money.CNY).exact()).isEqualTo(cny("0.01500000"));
        assertThat(bill.total(Money.CNY).rounded()).isEqualTo(cny("0.02"));
    }

    @Test
    void eachLineKeepsItsCurrencyAndEachCurrencyHasItsTotal() {
        DailyBill bill =
                new DailyBill(
                        DAY,
                        List.of(
                                BillLine.ofMinutes(
                                        ChargeKey.untiered(BillableItem.IN_CLASS_RECORDING),
                                        6600,
                                        110,
                                        new PriceQuote(usd("0.007"), "v1", false)),
                                BillLine.ofMinutes(
                                        ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.AUDIO),
                                        5400,
                                        90,
                                        new PriceQuote(cny("0.007"), "v1", false))));

        assertThat(bill.totals())
                .extracting(CurrencyTotal::exact, CurrencyTotal::rounded)
                .containsExactly(
                        tuple(cny("0.63000000"), cny("0.63")),
                        tuple(usd("0.77000000"), usd("0.77")));
    }

    @Test
    @DisplayName(
            "an account bill adds its apps' lines, each app's minutes rounded on its own first")
    void anAccountBillRoundsEachAppsMinutesFirst() {
        ChargeKey sd = ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.of(ResolutionTier.SD));
        List<TimedUsage> halfAMinute =
                List.of(TimedUsage.of("u", sd, span("08:00:00", "08:00:30")));
        DailyBill app1 = RatingFixtures.billOf(halfAMinute);
        DailyBill app2 = RatingFixtures.billOf(halfAMinute);

        DailyBill account = DailyBill.ofAccount(DAY, List.of(app1, app2));

        BillLine line = account.line(sd).orElseThrow();
        assertThat(line.seconds()).isEqualTo(60);
        assertThat(line.minutes()).isEqualTo(2);
        assertThat(line.amount()).isEqualTo(cny("0.02800000"));
    }

    @Test
    void minutesAreWhole() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new BillLine(
                                        ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.AUDIO),
                                        30,
                                        decimal("0.5"),
                                        HALF_A_CENT));
    }

    @Test
    void amountsOfDifferentCurrenciesDoNotAdd() {
        assertThatIllegalArgumentException().isThrownBy(() -> cny("1").plus(usd("1")));
    }
}
