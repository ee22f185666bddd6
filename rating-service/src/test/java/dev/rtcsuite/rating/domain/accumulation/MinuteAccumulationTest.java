package dev.rtcsuite.rating.domain.accumulation;

import static dev.rtcsuite.rating.domain.RatingFixtures.at;
import static dev.rtcsuite.rating.domain.RatingFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.RatingFixtures;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.price.ListPrices;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC R-2: incremental accumulation in 5-minute intervals, rounded up per day")
class MinuteAccumulationTest {

    private static final ChargeKey AUDIO = ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.AUDIO);

    @Test
    @DisplayName("R-2 worked example: 30 s → 1 min, +20 s → 0 min, +40 s → 1 min")
    void reproducesTheWorkedExampleTable() {
        IntervalMinutes first = MinuteAccumulation.START_OF_DAY.add(30);
        IntervalMinutes second = first.after().add(20);
        IntervalMinutes third = second.after().add(40);

        assertThat(List.of(first, second, third))
                .containsExactly(
                        new IntervalMinutes(30, 30, 1, 1),
                        new IntervalMinutes(20, 50, 1, 0),
                        new IntervalMinutes(40, 90, 2, 1));
    }

    @Test
    @DisplayName(
            "Billing handbook FAQ, package deduction table: intervals 00:00, 00:05, 00:10 deduct"
                    + " 1, 0, 1 minutes, 2 in all")
    void reproducesTheHandbookDeductionTableThroughADayLedger() {
        DayLedger ledger = new DayLedger(RatingFixtures.CALENDAR, RatingFixtures.DAY);
        ledger.record("a", List.of(TimedUsage.of("u", AUDIO, span("00:01:00", "00:01:30"))));
        ledger.record("b", List.of(TimedUsage.of("u", AUDIO, span("00:05:00", "00:05:20"))));
        ledger.record("c", List.of(TimedUsage.of("u", AUDIO, span("00:14:00", "00:14:40"))));

        List<IntervalUsage> rows = ledger.intervals(ListPrices.effective());

        assertThat(rows)
                .extracting(
                        IntervalUsage::intervalIndex,
                        IntervalUsage::intervalStart,
                        r -> r.minutes().seconds(),
                        r -> r.minutes().cumulativeSeconds(),
                        r -> r.minutes().cumulativeBillableMinutes(),
                        r -> r.minutes().billableMinutes())
                .containsExactly(
                        tuple(0, at("00:00"), 30L, 30L, 1L, 1L),
                        tuple(1, at("00:05"), 20L, 50L, 1L, 0L),
                        tuple(2, at("00:10"), 40L, 90L, 2L, 1L));
        assertThat(rows.stream().mapToLong(r -> r.minutes().billableMinutes()).sum()).isEqualTo(2);
    }

    @Test
    void anIntervalWithoutUsageBillsNothing() {
        IntervalMinutes idle = new MinuteAccumulation(61).add(0);

        assertThat(idle).isEqualTo(new IntervalMinutes(0, 61, 2, 0));
    }
}
