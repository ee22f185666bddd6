package dev.rtcsuite.rating.bench;

import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.accumulation.DayLedger;
import dev.rtcsuite.rating.domain.base.BaseServiceRater;
import dev.rtcsuite.rating.domain.base.Presence;
import dev.rtcsuite.rating.domain.base.Subscription;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import dev.rtcsuite.rating.domain.price.ListPrices;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pure rating engine (SPEC ): rating a room's presences and subscriptions, and pricing
 * a whole day. Run: {@code ./rtcsuite bench} (see BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RatingEngineBenchmark {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final BillingCalendar CALENDAR = BillingCalendar.DEFAULT;

    /** Users in the room, each sending 1280×720 and subscribing to every other user, 60 min. */
    @Param({"2", "10", "50"})
    public int users;

    private List<Presence> presences;
    private List<Subscription> subscriptions;
    private List<TimedUsage> rated;

    @Setup
    public void room() {
        Instant start = CALENDAR.dayStart(DAY).plusSeconds(36_000);
        TimeSpan hour = TimeSpan.ofSeconds(start, 3_600);
        presences = new ArrayList<>();
        subscriptions = new ArrayList<>();
        for (int receiver = 0; receiver < users; receiver++) {
            presences.add(new Presence("room", "u" + receiver, hour));
            for (int sender = 0; sender < users; sender++) {
                if (sender != receiver) {
                    subscriptions.add(
                            new Subscription(
                                    "room",
                                    "u" + receiver,
                                    "u" + sender,
                                    StreamType.MAIN,
                                    Resolution.of(1280, 720),
                                    hour));
                }
            }
        }
        rated = BaseServiceRater.rate(presences, subscriptions);
    }

    @Benchmark
    public List<TimedUsage> rateRoom() {
        return BaseServiceRater.rate(presences, subscriptions);
    }

    @Benchmark
    public DailyBill billDay() {
        DayLedger ledger = new DayLedger(CALENDAR, DAY);
        ledger.record("room", rated);
        return ledger.bill(ListPrices.effective());
    }
}
