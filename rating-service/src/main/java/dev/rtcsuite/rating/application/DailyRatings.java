package dev.rtcsuite.rating.application;

import dev.rtcsuite.rating.client.AccountDirectory;
import dev.rtcsuite.rating.client.AccountDirectory.AppAccount;
import dev.rtcsuite.rating.domain.Usage;
import dev.rtcsuite.rating.domain.accumulation.DayLedger;
import dev.rtcsuite.rating.domain.base.BaseServiceRater;
import dev.rtcsuite.rating.domain.base.Presence;
import dev.rtcsuite.rating.domain.base.RoomFact;
import dev.rtcsuite.rating.domain.base.Subscription;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import dev.rtcsuite.rating.domain.price.PriceSource;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import dev.rtcsuite.rating.domain.valueadded.InClassRecordingRater;
import dev.rtcsuite.rating.domain.valueadded.MixTranscodeRater;
import dev.rtcsuite.rating.domain.valueadded.PlaybackTraffic;
import dev.rtcsuite.rating.domain.valueadded.RecordingRater;
import dev.rtcsuite.rating.domain.valueadded.StorageUsage;
import dev.rtcsuite.rating.persistence.UsageRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rates a billing day from the append-only log of usage facts (SPEC R-2 … R-8). Rating is a pure
 * function of the stored facts and the price books, so the answer for a day is the same however the
 * facts were batched, and a fact stored twice counts once (its key is unique in the log).
 */
@ApplicationScoped
public class DailyRatings {

    /** Usage may arrive late; a day's bill is final this long after the day ends. */
    public static final Duration LATE_USAGE_WINDOW = Duration.ofHours(1);

    private final UsageRecordRepository records;
    private final AccountDirectory accounts;
    private final PriceBooks priceBooks;
    private final Clock clock;

    public DailyRatings(
            UsageRecordRepository records,
            AccountDirectory accounts,
            PriceBooks priceBooks,
            Clock clock) {
        this.records = records;
        this.accounts = accounts;
        this.priceBooks = priceBooks;
        this.clock = clock;
    }

    @Transactional
    public RatedDay appDay(long sdkAppId, LocalDate day) {
        return rate(accounts.app(sdkAppId), day);
    }

    /** The app's billing days touched by [from, to), rated, in day order. */
    @Transactional
    public List<RatedDay> appDays(long sdkAppId, Instant from, Instant to) {
        AppAccount app = accounts.app(sdkAppId);
        BillingCalendar calendar = new BillingCalendar(app.billingZone());
        List<RatedDay> days = new ArrayList<>();
        for (LocalDate day = calendar.billingDay(from);
                !day.isAfter(calendar.billingDay(to.minusNanos(1)));
                day = day.plusDays(1)) {
            days.add(rate(app, day));
        }
        return days;
    }

    @Transactional
    public RatedDay accountDay(String accountId, LocalDate day) {
        List<AppAccount> apps = accounts.appsOf(accountId);
        List<DailyBill> bills = apps.stream().map(app -> rate(app, day).bill()).toList();
        Instant now = clock.instant();
        BillingCalendar calendar =
                apps.isEmpty()
                        ? BillingCalendar.DEFAULT
                        : new BillingCalendar(apps.get(0).billingZone());
        return new RatedDay(
                accountId,
                0,
                day,
                calendar.zone(),
                isClosed(calendar, day, now),
                DailyBill.ofAccount(day, bills),
                List.of(),
                now);
    }

    private RatedDay rate(AppAccount app, LocalDate day) {
        BillingCalendar calendar = new BillingCalendar(app.billingZone());
        DayLedger ledger = new DayLedger(calendar, day);
        Instant from = calendar.dayStart(day);
        Instant to = calendar.dayEnd(day);
        Map<String, List<RoomFact>> rooms = new LinkedHashMap<>();
        for (UsageRecord record : records.touching(app.sdkAppId(), from, to, day, day)) {
            switch (record.fact()) {
                case UsageFact.Base(RoomFact fact) ->
                        rooms.computeIfAbsent(fact.roomId(), r -> new ArrayList<>()).add(fact);
                default ->
                        ledger.record(record.idempotencyKey(), usage(record.fact(), calendar, day));
            }
        }
        // R-3 needs every presence and subscription of a room together: one rating per room.
        rooms.forEach(
                (room, facts) ->
                        ledger.record(
                                "base-service:" + room,
                                BaseServiceRater.rate(
                                        facts.stream()
                                                .filter(Presence.class::isInstance)
                                                .map(Presence.class::cast)
                                                .toList(),
                                        facts.stream()
                                                .filter(Subscription.class::isInstance)
                                                .map(Subscription.class::cast)
                                                .toList())));
        PriceSource prices = priceBooks.catalog().forAccount(app.accountId());
        Instant now = clock.instant();
        return RatedDay.ofApp(
                app,
                day,
                isClosed(calendar, day, now),
                ledger.bill(prices),
                ledger.intervals(prices),
                now);
    }

    /** The usage of a value-added fact on {@code day}; quantity facts count on their own day. */
    private static List<? extends Usage> usage(
            UsageFact fact, BillingCalendar calendar, LocalDate day) {
        return switch (fact) {
            case UsageFact.Recording(String task, var segment) ->
                    List.of(RecordingRater.rate(segment));
            case UsageFact.Transcode(String session, var segment) ->
                    List.of(MixTranscodeRater.rate(segment));
            case UsageFact.InClass(var segment) -> InClassRecordingRater.rate(List.of(segment));
            case UsageFact.LegacyPeak(var peak) ->
                    peak.billingDay().equals(day) ? List.of(peak.toUsage()) : List.of();
            case UsageFact.Storage(LocalDate stored, long bytes) ->
                    stored.equals(day)
                            ? List.of(
                                    new StorageUsage(StorageUsage.gigabytes(bytes), 1, 1).toUsage())
                            : List.of();
            case UsageFact.Traffic(var span, long bytes) ->
                    calendar.billingDay(span.start()).equals(day)
                            ? List.of(PlaybackTraffic.ofBytes(bytes).toUsage())
                            : List.of();
            case UsageFact.Base base -> throw new IllegalArgumentException("rated per room");
        };
    }

    private static boolean isClosed(BillingCalendar calendar, LocalDate day, Instant now) {
        return !now.isBefore(calendar.dayEnd(day).plus(LATE_USAGE_WINDOW));
    }
}
