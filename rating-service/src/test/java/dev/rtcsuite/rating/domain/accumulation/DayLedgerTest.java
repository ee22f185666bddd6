package dev.rtcsuite.rating.domain.accumulation;

import static dev.rtcsuite.rating.domain.RatingFixtures.CALENDAR;
import static dev.rtcsuite.rating.domain.RatingFixtures.DAY;
import static dev.rtcsuite.rating.domain.RatingFixtures.at;
import static dev.rtcsuite.rating.domain.RatingFixtures.cny;
import static dev.rtcsuite.rating.domain.RatingFixtures.decimal;
import static dev.rtcsuite.rating.domain.RatingFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.QuantityUsage;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import dev.rtcsuite.rating.domain.price.ContractAssignment;
import dev.rtcsuite.rating.domain.price.DatedPriceBook;
import dev.rtcsuite.rating.domain.price.ListPrices;
import dev.rtcsuite.rating.domain.price.PriceBook;
import dev.rtcsuite.rating.domain.price.PriceBookKind;
import dev.rtcsuite.rating.domain.price.PriceCatalog;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC R-2, R-8: one app's billing day — idempotent records, intervals, lines")
class DayLedgerTest {

    private static final ChargeKey AUDIO = ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.AUDIO);
    private static final ChargeKey SD =
            ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.of(ResolutionTier.SD));

    private final DayLedger ledger = new DayLedger(CALENDAR, DAY);

    @Test
    void aRecordReceivedTwiceIsCountedOnce() {
        List<TimedUsage> usage = List.of(TimedUsage.of("u", SD, span("09:00", "09:10")));

        assertThat(ledger.record("key-1", usage)).isEqualTo(RecordOutcome.COUNTED);
        assertThat(ledger.record("key-1", usage)).isEqualTo(RecordOutcome.DUPLICATE);
        assertThat(ledger.seconds(SD)).isEqualTo(600);
    }

    @Test
    void theFirstCopyOfAKeyWinsEvenIfALaterCopyDiffers() {
        ledger.record("key-1", List.of(TimedUsage.of("u", SD, span("09:00", "09:10"))));
        ledger.record("key-1", List.of(TimedUsage.of("u", SD, span("09:00", "10:00"))));

        assertThat(ledger.seconds(SD)).isEqualTo(600);
    }

    @Test
    void aRecordNeedsAKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> ledger.record(" ", List.of()));
    }

    @Test
    @DisplayName("R-3: usage crossing midnight counts on each billing day for its own part")
    void usageCrossingMidnightIsSplitAtTheBillingDayBoundary() {
        TimeSpan lateNight =
                TimeSpan.between(
                        at("23:50"), at("00:00").plus(Duration.ofDays(1)).plusSeconds(600));
        DayLedger nextDay = new DayLedger(CALENDAR, DAY.plusDays(1));
        List<TimedUsage> usage = List.of(TimedUsage.of("u", AUDIO, lateNight));

        ledger.record("k", usage);
        nextDay.record("k", usage);

        assertThat(ledger.seconds(AUDIO)).isEqualTo(600);
        assertThat(nextDay.seconds(AUDIO)).isEqualTo(600);
        assertThat(ledger.intervals(ListPrices.effective()))
                .extracting(IntervalUsage::intervalIndex)
                .containsExactly(286, 287);
    }

    @Test
    void billingDaysFollowTheAccountTimeZone() {
        DayLedger utcDay = new DayLedger(new BillingCalendar(ZoneOffset.UTC), DAY);
        // 00:00–01:00 in Shanghai is 16:00–17:00 UTC of the day before.
        utcDay.record("k", List.of(TimedUsage.of("u", AUDIO, span("00:00", "01:00"))));

        assertThat(utcDay.seconds(AUDIO)).isZero();
    }

    @Test
    void theBillHasOneLinePerChargeWithMinutesUnitPriceAndAmount() {
        ledger.record("a", List.of(TimedUsage.of("u", SD, span("09:00", "09:30"))));
        ledger.record("b", List.of(TimedUsage.of("v", SD, span("09:00:00", "09:00:01"))));
        ledger.record("c", List.of(TimedUsage.of("v", AUDIO, span("09:00", "09:30"))));

        DailyBill bill = ledger.bill(ListPrices.effective());

        assertThat(bill.lines())
                .extracting(
                        BillLine::key,
                        BillLine::seconds,
                        BillLine::minutes,
                        l -> l.price().unitPrice(),
                        BillLine::amount,
                        BillLine::roundedAmount)
                .containsExactly(
                        tuple(AUDIO, 1800L, 30L, cny("0.00700000"), cny("0.21000000"), cny("0.21")),
                        tuple(SD, 1801L, 31L, cny("0.01400000"), cny("0.43400000"), cny("0.43")));
        assertThat(bill.total(Money.CNY).exact()).isEqualTo(cny("0.64400000"));
        assertThat(bill.total(Money.CNY).rounded()).isEqualTo(cny("0.64"));
    }

    @Test
    @DisplayName(
            "R-1: a price change during the day prices each interval with the books then in force")
    void aPriceChangeDuringTheDaySplitsTheLineByPriceBookVersion() {
        PriceBook cheaper =
                PriceBook.builder("contract-noon", PriceBookKind.CONTRACT)
                        .perMinute(
                                BillableItem.BASE_SERVICE,
                                ResolutionTier.SD,
                                Money.CNY,
                                decimal("0.01"))
                        .build();
        PriceCatalog catalog =
                PriceCatalog.of(ListPrices.dated())
                        .withContract(ContractAssignment.assign("acme", at("12:00"), cheaper));
        ledger.record("morning", List.of(TimedUsage.of("u", SD, span("11:00", "11:10"))));
        ledger.record("noon", List.of(TimedUsage.of("u", SD, span("12:00", "12:20"))));

        DailyBill bill = ledger.bill(catalog.forAccount("acme"));

        assertThat(bill.lines())
                .extracting(
                        l -> l.price().priceBookVersion(),
                        l -> l.price().contract(),
                        BillLine::minutes,
                        BillLine::amount)
                .containsExactlyInAnyOrder(
                        tuple("contract-noon", true, 20L, cny("0.20000000")),
                        tuple(ListPrices.VERSION, false, 10L, cny("0.14000000")));
        assertThat(bill.lines().stream().mapToLong(BillLine::minutes).sum()).isEqualTo(30);
    }

    @Test
    void storageAndTrafficAddUpWhileTheLegacyPeakKeepsTheHighestReport() {
        ChargeKey storage = ChargeKey.untiered(BillableItem.STORAGE);
        ChargeKey legacy = ChargeKey.untiered(BillableItem.LEGACY_RECORDING);
        ledger.record("s1", List.of(new QuantityUsage(storage, decimal("0.45"))));
        ledger.record("s2", List.of(new QuantityUsage(storage, decimal("0.55"))));
        ledger.record("p1", List.of(new QuantityUsage(legacy, decimal("300"))));
        ledger.record("p2", List.of(new QuantityUsage(legacy, decimal("500"))));
        ledger.record("p3", List.of(new QuantityUsage(legacy, decimal("400"))));

        DailyBill bill = ledger.bill(ListPrices.effective());

        assertThat(bill.line(storage).orElseThrow().quantity()).isEqualByComparingTo("1.00");
        assertThat(bill.line(legacy).orElseThrow().quantity()).isEqualByComparingTo("500");
    }

    @Test
    void listBookChangesAtEffectiveTimesApplyToIntervalsStartingAfterThem() {
        PriceCatalog catalog =
                PriceCatalog.of(
                        ListPrices.dated(),
                        new DatedPriceBook(at("12:00"), ListPrices.book("list-noon")));
        ledger.record("k", List.of(TimedUsage.of("u", AUDIO, span("11:55", "12:05"))));

        assertThat(ledger.intervals(catalog.forAccount("acme")))
                .extracting(r -> r.price().priceBookVersion())
                .containsExactly(ListPrices.VERSION, "list-noon");
    }
}
