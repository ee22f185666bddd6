package dev.rtcsuite.rating.domain.accumulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.price.ListPrices;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC R-2: a day fed from per-interval aggregates bills exactly as one fed record by record. */
class DayLedgerAggregatesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final BillingCalendar CALENDAR = BillingCalendar.DEFAULT;
    private static final ChargeKey HD =
            ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.of(ResolutionTier.HD));

    @Test
    void aggregatedSecondsBillLikeTheRecordsTheySum() {
        Instant midnight = CALENDAR.dayStart(DAY);
        DayLedger byRecord = new DayLedger(CALENDAR, DAY);
        byRecord.record("a", List.of(TimedUsage.of("u", HD, TimeSpan.ofSeconds(midnight, 30))));
        byRecord.record(
                "b",
                List.of(TimedUsage.of("u", HD, TimeSpan.ofSeconds(midnight.plusSeconds(300), 20))));
        DayLedger byAggregate = new DayLedger(CALENDAR, DAY);
        byAggregate.addIntervalSeconds(HD, midnight, 30);
        byAggregate.addIntervalSeconds(HD, midnight.plusSeconds(300), 20);

        assertThat(byAggregate.bill(ListPrices.effective()))
                .isEqualTo(byRecord.bill(ListPrices.effective()));
        assertThat(byAggregate.intervals(ListPrices.effective()))
                .isEqualTo(byRecord.intervals(ListPrices.effective()));
    }

    @Test
    void secondsOutsideTheDayOrOffTheIntervalGridAreRefused() {
        DayLedger ledger = new DayLedger(CALENDAR, DAY);
        Instant midnight = CALENDAR.dayStart(DAY);

        assertThatThrownBy(() -> ledger.addIntervalSeconds(HD, midnight.minusSeconds(300), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.addIntervalSeconds(HD, midnight.plusSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
