package dev.rtcsuite.rating.application;

import dev.rtcsuite.rating.client.AccountDirectory;
import dev.rtcsuite.rating.client.AccountDirectory.AppAccount;
import dev.rtcsuite.rating.domain.Usage;
import dev.rtcsuite.rating.domain.accumulation.DayLedger;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import dev.rtcsuite.rating.domain.price.PriceSource;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import dev.rtcsuite.rating.domain.valueadded.PlaybackTraffic;
import dev.rtcsuite.rating.domain.valueadded.StorageUsage;
import dev.rtcsuite.rating.persistence.RatedUsageRepository;
import dev.rtcsuite.rating.persistence.RatedUsageRepository.BucketSeconds;
import dev.rtcsuite.rating.persistence.RerateRepository;
import dev.rtcsuite.rating.persistence.UsageRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    private final RatedUsageRepository ratedUsage;
    private final AccountDirectory accounts;
    private final PriceBooks priceBooks;
    private final RerateRepository rerates;
    private final Clock clock;

    public DailyRatings(
            UsageRecordRepository records,
            RatedUsageRepository ratedUsage,
            AccountDirectory accounts,
            PriceBooks priceBooks,
            RerateRepository rerates,
            Clock clock) {
        this.records = records;
        this.ratedUsage = ratedUsage;
        this.accounts = accounts;
        this.priceBooks = priceBooks;
        this.rerates = rerates;
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

    /**
     * Re-rates a day of an app, or of every app of an account (SPEC R-1): the only way prices
     * change for a closed day. Returns the day before and after.
     *
     * @param version the book for the whole day; empty for the books in force
     */
    @Transactional
    public Rerated rerate(
            long sdkAppId, String accountId, LocalDate day, Optional<String> version) {
        version.ifPresent(priceBooks::get);
        List<AppAccount> apps =
                sdkAppId > 0 ? List.of(accounts.app(sdkAppId)) : accounts.appsOf(accountId);
        RatedDay before = day(apps, sdkAppId, accountId, day);
        Instant now = clock.instant();
        apps.forEach(app -> rerates.insert(app.sdkAppId(), day, version, now));
        return new Rerated(before, day(apps, sdkAppId, accountId, day));
    }

    /** A day before and after a re-rate. */
    public record Rerated(RatedDay before, RatedDay after) {}

    private RatedDay day(List<AppAccount> apps, long sdkAppId, String accountId, LocalDate day) {
        return sdkAppId > 0 ? rate(apps.getFirst(), day) : accountDay(accountId, apps, day);
    }

    @Transactional
    public RatedDay accountDay(String accountId, LocalDate day) {
        return accountDay(accountId, accounts.appsOf(accountId), day);
    }

    private RatedDay accountDay(String accountId, List<AppAccount> apps, LocalDate day) {
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
        for (BucketSeconds bucket : ratedUsage.between(app.sdkAppId(), from, to)) {
            ledger.addIntervalSeconds(bucket.key(), bucket.bucketStart(), bucket.seconds());
        }
        for (UsageRecord record : records.quantitiesTouching(app.sdkAppId(), from, to, day, day)) {
            ledger.record(record.idempotencyKey(), quantity(record.fact(), calendar, day));
        }
        PriceSource prices =
                priceBooks.forDay(
                        app.accountId(), rerates.latest(app.sdkAppId(), day).flatMap(v -> v));
        Instant now = clock.instant();
        return RatedDay.ofApp(
                app,
                day,
                isClosed(calendar, day, now),
                ledger.bill(prices),
                ledger.intervals(prices),
                now);
    }

    /** The quantity usage of a fact on {@code day}: storage and peaks by date, traffic by start. */
    private static List<? extends Usage> quantity(
            UsageFact fact, BillingCalendar calendar, LocalDate day) {
        return switch (fact) {
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
            default -> throw new IllegalArgumentException("not a quantity fact: " + fact);
        };
    }

    private static boolean isClosed(BillingCalendar calendar, LocalDate day, Instant now) {
        return !now.isBefore(calendar.dayEnd(day).plus(LATE_USAGE_WINDOW));
    }
}
