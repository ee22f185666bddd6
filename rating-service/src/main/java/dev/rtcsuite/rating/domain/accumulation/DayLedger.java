package dev.rtcsuite.rating.domain.accumulation;

import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.QuantityUsage;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.Usage;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import dev.rtcsuite.rating.domain.price.PriceQuote;
import dev.rtcsuite.rating.domain.price.PriceSource;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import dev.rtcsuite.rating.domain.time.CalendarSlice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The usage of one app on one billing day (SPEC ): accumulates rated usage per charge and
 * 5-minute interval, counts each usage record once by its idempotency key, and prices the day.
 *
 * <p>A ledger is a mutable aggregate (not thread-safe); feed it each record whose usage touches its
 * day: the parts of timed usage outside the day are left to the other days' ledgers. Quantity usage
 * has no time and belongs to the ledger it is given to; peak-charged items keep the highest
 * quantity, the others add up.
 *
 * <p>Decisions where the spec is silent: seconds count in the interval in which they occurred (the
 * service decides what to do with usage arriving after its interval was deducted); each interval's
 * billed minutes are priced with the books in force at the interval's start, so a price change
 * during the day splits a charge into one line per price book; quantity usage is priced with the
 * books in force at the start of the day.
 */
public final class DayLedger {

    private final BillingCalendar calendar;
    private final LocalDate billingDay;
    private final Set<String> recordKeys = new HashSet<>();
    private final Map<ChargeKey, SortedMap<Integer, Long>> secondsByInterval = new TreeMap<>();
    private final Map<ChargeKey, BigDecimal> quantities = new TreeMap<>();

    public DayLedger(BillingCalendar calendar, LocalDate billingDay) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.billingDay = Objects.requireNonNull(billingDay, "billingDay");
    }

    public LocalDate billingDay() {
        return billingDay;
    }

    /**
     * Counts a usage record's usage of this day once: a key recorded before is a duplicate and
     * changes nothing.
     */
    public RecordOutcome record(String recordKey, List<? extends Usage> usages) {
        if (recordKey == null || recordKey.isBlank()) {
            throw new IllegalArgumentException("a usage record needs an idempotency key");
        }
        // Copied before the key is taken, so a bad list (null element) leaves the ledger unchanged.
        List<? extends Usage> copy = List.copyOf(usages);
        if (!recordKeys.add(recordKey)) {
            return RecordOutcome.DUPLICATE;
        }
        for (Usage usage : copy) {
            switch (usage) {
                case TimedUsage timed -> addTime(timed);
                case QuantityUsage quantity -> addQuantity(quantity);
            }
        }
        return RecordOutcome.COUNTED;
    }

    /**
     * Adds seconds that were rated and summed per 5-minute interval beforehand (the service keeps
     * such aggregates so that a day costs O(charges × intervals), not O(records)).
     *
     * @param intervalStart the start of one of this day's intervals
     */
    public void addIntervalSeconds(ChargeKey key, Instant intervalStart, long seconds) {
        if (!calendar.billingDay(intervalStart).equals(billingDay)
                || !calendar.intervalStart(billingDay, calendar.intervalIndex(intervalStart))
                        .equals(intervalStart)) {
            throw new IllegalArgumentException(
                    intervalStart + " starts no interval of " + billingDay);
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must be ≥ 0, was " + seconds);
        }
        secondsByInterval
                .computeIfAbsent(key, k -> new TreeMap<>())
                .merge(calendar.intervalIndex(intervalStart), seconds, Long::sum);
    }

    /** Usage seconds of a charge on this day. */
    public long seconds(ChargeKey key) {
        return secondsByInterval.getOrDefault(key, new TreeMap<>()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The charges with usage on this day. */
    public Set<ChargeKey> charges() {
        Set<ChargeKey> keys = new TreeSet<>(secondsByInterval.keySet());
        keys.addAll(quantities.keySet());
        return keys;
    }

    /**
     * The R-2 table of every time-measured charge: one row per interval with usage, in interval
     * order, then charge order.
     */
    public List<IntervalUsage> intervals(PriceSource prices) {
        List<IntervalUsage> rows = new ArrayList<>();
        secondsByInterval.forEach(
                (key, byInterval) -> {
                    MinuteAccumulation accumulation = MinuteAccumulation.START_OF_DAY;
                    for (var entry : byInterval.entrySet()) {
                        IntervalMinutes minutes = accumulation.add(entry.getValue());
                        Instant start = calendar.intervalStart(billingDay, entry.getKey());
                        rows.add(
                                new IntervalUsage(
                                        key,
                                        entry.getKey(),
                                        start,
                                        minutes,
                                        prices.at(start).quote(key)));
                        accumulation = minutes.after();
                    }
                });
        rows.sort(
                Comparator.comparingInt(IntervalUsage::intervalIndex)
                        .thenComparing(IntervalUsage::key));
        return rows;
    }

    /** The day's bill: minute lines from the intervals' billed minutes, then quantity lines. */
    public DailyBill bill(PriceSource prices) {
        record LineKey(ChargeKey key, PriceQuote price) {}
        Map<LineKey, long[]> secondsAndMinutes = new LinkedHashMap<>();
        for (IntervalUsage row : intervals(prices)) {
            long[] sums =
                    secondsAndMinutes.computeIfAbsent(
                            new LineKey(row.key(), row.price()), k -> new long[2]);
            sums[0] += row.minutes().seconds();
            sums[1] += row.minutes().billableMinutes();
        }
        List<BillLine> lines = new ArrayList<>();
        secondsAndMinutes.forEach(
                (line, sums) ->
                        lines.add(BillLine.ofMinutes(line.key, sums[0], sums[1], line.price)));
        Instant dayStart = calendar.dayStart(billingDay);
        quantities.forEach(
                (key, quantity) ->
                        lines.add(
                                BillLine.ofQuantity(
                                        key, quantity, prices.at(dayStart).quote(key))));
        return new DailyBill(billingDay, lines);
    }

    private void addTime(TimedUsage usage) {
        for (CalendarSlice slice : calendar.slice(usage.span())) {
            if (slice.billingDay().equals(billingDay)) {
                secondsByInterval
                        .computeIfAbsent(usage.key(), k -> new TreeMap<>())
                        .merge(
                                slice.intervalIndex(),
                                slice.seconds() * usage.multiplier(),
                                Long::sum);
            }
        }
    }

    private void addQuantity(QuantityUsage usage) {
        quantities.merge(
                usage.key(),
                usage.quantity(),
                usage.key().item().chargedByPeak() ? BigDecimal::max : BigDecimal::add);
    }
}
