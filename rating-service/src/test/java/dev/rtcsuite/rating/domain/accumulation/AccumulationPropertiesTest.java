package dev.rtcsuite.rating.domain.accumulation;

import static dev.rtcsuite.rating.domain.RatingFixtures.CALENDAR;
import static dev.rtcsuite.rating.domain.RatingFixtures.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.rating.domain.BillableMinutes;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.RandomUsages;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import dev.rtcsuite.rating.domain.price.ListPrices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC as properties, over seeded random cases (see {@link RandomUsages}). */
@DisplayName("SPEC R-2, R-8 properties: accumulation and idempotency")
class AccumulationPropertiesTest {

    static IntStream seeds() {
        return RandomUsages.seeds();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void billableMinutesAreTheCeilingOfSecondsAndMonotonic(int seed) {
        Random random = new Random(seed);
        long seconds = random.nextLong(10_000_000);
        long more = seconds + random.nextLong(1_000);

        long minutes = BillableMinutes.ofSeconds(seconds);

        assertThat(minutes * 60).isGreaterThanOrEqualTo(seconds);
        assertThat((minutes - 1) * 60).isLessThan(seconds == 0 ? 1 : seconds);
        assertThat(BillableMinutes.ofSeconds(more)).isGreaterThanOrEqualTo(minutes);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void intervalMinutesAreNeverNegativeAndAddUpToTheDayMinutes(int seed) {
        Random random = new Random(seed);
        MinuteAccumulation accumulation = MinuteAccumulation.START_OF_DAY;
        long billed = 0;
        long total = 0;
        for (int interval = 0; interval < 288; interval++) {
            long seconds = random.nextInt(4) == 0 ? 0 : random.nextInt(1_200);
            IntervalMinutes minutes = accumulation.add(seconds);
            assertThat(minutes.billableMinutes()).isNotNegative();
            assertThat(minutes.cumulativeBillableMinutes())
                    .isEqualTo(BillableMinutes.ofSeconds(minutes.cumulativeSeconds()));
            billed += minutes.billableMinutes();
            total += seconds;
            accumulation = minutes.after();
        }
        assertThat(billed).isEqualTo(BillableMinutes.ofSeconds(total));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("splitting usage into any pieces, batches and order never changes the day's bill")
    void splittingUsageIntoBatchesAndPiecesNeverChangesTheDay(int seed) {
        RandomUsages random = new RandomUsages(seed);
        List<TimedUsage> usages = random.timedUsages();
        List<TimedUsage> pieces = new ArrayList<>();
        usages.forEach(u -> pieces.addAll(random.cutIntoPieces(u)));
        Collections.shuffle(pieces, random.random());

        DayLedger whole = new DayLedger(CALENDAR, DAY);
        for (int i = 0; i < usages.size(); i++) {
            whole.record("whole-" + i, List.of(usages.get(i)));
        }
        DayLedger batched = new DayLedger(CALENDAR, DAY);
        List<List<TimedUsage>> batches = random.batches(pieces);
        for (int i = 0; i < batches.size(); i++) {
            batched.record("batch-" + i, batches.get(i));
        }

        DailyBill expected = whole.bill(ListPrices.effective());
        DailyBill actual = batched.bill(ListPrices.effective());
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.totals()).isEqualTo(expected.totals());
        for (BillLine line : actual.lines()) {
            assertThat(line.minutes()).isEqualTo(BillableMinutes.ofSeconds(line.seconds()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("R-8: replaying records, in any order and any number of times, counts each once")
    void replayedRecordsCountOnce(int seed) {
        RandomUsages random = new RandomUsages(seed);
        List<TimedUsage> usages = random.timedUsages();
        DayLedger once = new DayLedger(CALENDAR, DAY);
        DayLedger replayed = new DayLedger(CALENDAR, DAY);
        List<Integer> deliveries = new ArrayList<>();
        for (int i = 0; i < usages.size(); i++) {
            once.record("key-" + i, List.of(usages.get(i)));
            for (int copies = 1 + random.random().nextInt(3); copies > 0; copies--) {
                deliveries.add(i);
            }
        }
        Collections.shuffle(deliveries, random.random());

        long duplicates =
                deliveries.stream()
                        .map(i -> replayed.record("key-" + i, List.of(usages.get(i))))
                        .filter(RecordOutcome.DUPLICATE::equals)
                        .count();

        assertThat(duplicates).isEqualTo(deliveries.size() - usages.size());
        assertThat(replayed.bill(ListPrices.effective()))
                .isEqualTo(once.bill(ListPrices.effective()));
        for (ChargeKey key : once.charges()) {
            assertThat(replayed.seconds(key)).isEqualTo(once.seconds(key));
        }
    }
}
