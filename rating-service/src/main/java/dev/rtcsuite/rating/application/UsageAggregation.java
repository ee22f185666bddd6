package dev.rtcsuite.rating.application;

import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.base.BaseServiceRater;
import dev.rtcsuite.rating.domain.base.Presence;
import dev.rtcsuite.rating.domain.base.RoomFact;
import dev.rtcsuite.rating.domain.base.Subscription;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import dev.rtcsuite.rating.domain.time.CalendarSlice;
import dev.rtcsuite.rating.domain.valueadded.InClassRecordingRater;
import dev.rtcsuite.rating.domain.valueadded.MixTranscodeRater;
import dev.rtcsuite.rating.domain.valueadded.RecordingRater;
import dev.rtcsuite.rating.persistence.RatedUsageRepository;
import dev.rtcsuite.rating.persistence.RatedUsageRepository.BucketSeconds;
import dev.rtcsuite.rating.persistence.RatedUsageRepository.SubjectBuckets;
import dev.rtcsuite.rating.persistence.RatedUsageRepository.SubjectKey;
import dev.rtcsuite.rating.persistence.RatedUsageRepository.TotalsChange;
import dev.rtcsuite.rating.persistence.UsageRecordRepository;
import dev.rtcsuite.rating.persistence.UsageRecordRepository.UserWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the rated seconds per 5-minute bucket up to date as batches of stored facts are folded in
 * ({@link UsageFolding}). Value-added usage adds up fact by fact. Base service does not: a
 * new subscription can turn a user's audio seconds into video seconds, so the user's buckets that
 * the new fact touches are recomputed from all of the user's facts there, under the user's lock.
 */
@ApplicationScoped
public class UsageAggregation {

    /** UTC-aligned 5-minute buckets: every billing zone's intervals are such buckets. */
    private static final BillingCalendar BUCKETS = new BillingCalendar(ZoneOffset.UTC);

    private static final long BUCKET_SECONDS = BillingCalendar.INTERVAL.toSeconds();

    private final UsageRecordRepository records;
    private final RatedUsageRepository rated;

    public UsageAggregation(UsageRecordRepository records, RatedUsageRepository rated) {
        this.records = records;
        this.rated = rated;
    }

    /**
     * Folds facts that were just stored (never duplicates) into the buckets. Each base-service user
     * is recomputed once per batch, over the buckets that any of the user's new facts touch.
     */
    void stored(List<UsageRecord> batch) {
        Map<BaseSubject, TimeSpan> touched = new LinkedHashMap<>();
        // Apps in one order everywhere: batches folding at once lock shared rows in that order.
        Map<Long, List<BucketSeconds>> valueAdded = new TreeMap<>();
        for (UsageRecord record : batch) {
            if (record.fact() instanceof UsageFact.Base(RoomFact fact)) {
                touched.merge(
                        new BaseSubject(record.sdkAppId(), fact.roomId(), fact.userId()),
                        fact.span(),
                        UsageAggregation::hull);
            } else {
                valueAdded
                        .computeIfAbsent(record.sdkAppId(), app -> new ArrayList<>())
                        .addAll(valueAddedBuckets(record.fact()));
            }
        }
        TotalsChange change = new TotalsChange();
        valueAdded.forEach((app, buckets) -> rated.addValueAdded(app, buckets, change));
        recompute(touched, change);
        rated.addTotals(change);
    }

    /** A user of a room: whose base-service buckets are recomputed together. */
    private record BaseSubject(long app, String room, String user) {
        String name() {
            return room + "/" + user;
        }
    }

    /** The smallest span holding both: recomputing the gap between them too is harmless. */
    private static TimeSpan hull(TimeSpan a, TimeSpan b) {
        return new TimeSpan(
                a.start().isBefore(b.start()) ? a.start() : b.start(),
                a.end().isAfter(b.end()) ? a.end() : b.end());
    }

    private static List<BucketSeconds> valueAddedBuckets(UsageFact fact) {
        return switch (fact) {
            case UsageFact.Base base -> throw new IllegalArgumentException("recomputed per user");
            case UsageFact.Recording(String task, var segment) ->
                    buckets(List.of(RecordingRater.rate(segment)));
            case UsageFact.Transcode(String session, var segment) ->
                    buckets(List.of(MixTranscodeRater.rate(segment)));
            case UsageFact.InClass(var segment) ->
                    buckets(InClassRecordingRater.rate(List.of(segment)));
            // Storage, traffic and legacy peaks are few: bills read them from the log itself.
            case UsageFact.LegacyPeak peak -> List.of();
            case UsageFact.Storage storage -> List.of();
            case UsageFact.Traffic traffic -> List.of();
        };
    }

    /**
     * Recomputes the touched users' buckets from all their facts there, with one lock statement,
     * one read, one delete and one insert for the whole batch.
     */
    private void recompute(Map<BaseSubject, TimeSpan> touched, TotalsChange change) {
        if (touched.isEmpty()) {
            return;
        }
        Map<BaseSubject, TimeSpan> windows = new LinkedHashMap<>();
        touched.forEach(
                (subject, span) ->
                        windows.put(subject, new TimeSpan(floor(span.start()), ceil(span.end()))));
        rated.lockAll(
                windows.keySet().stream()
                        .map(subject -> new SubjectKey(subject.app(), subject.name()))
                        .toList());
        Map<BaseSubject, List<RoomFact>> facts = new LinkedHashMap<>();
        List<UserWindow> reads =
                windows.entrySet().stream()
                        .map(
                                e ->
                                        new UserWindow(
                                                e.getKey().app(),
                                                e.getKey().room(),
                                                e.getKey().user(),
                                                e.getValue().start(),
                                                e.getValue().end()))
                        .toList();
        for (UsageRecord record : records.baseFactsOfUsers(reads)) {
            RoomFact fact = ((UsageFact.Base) record.fact()).fact();
            facts.computeIfAbsent(
                            new BaseSubject(record.sdkAppId(), fact.roomId(), fact.userId()),
                            k -> new ArrayList<>())
                    .add(fact);
        }
        rated.replaceAll(
                windows.entrySet().stream()
                        .map(
                                e ->
                                        new SubjectBuckets(
                                                e.getKey().app(),
                                                e.getKey().name(),
                                                e.getValue().start(),
                                                e.getValue().end(),
                                                rate(
                                                        facts.getOrDefault(e.getKey(), List.of()),
                                                        e.getValue())))
                        .toList(),
                change);
    }

    /** R-3 over the facts' parts inside the window, in buckets. */
    private static List<BucketSeconds> rate(List<RoomFact> facts, TimeSpan window) {
        List<Presence> presences = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (RoomFact fact : facts) {
            TimeSpan inside = fact.span().intersection(window);
            if (inside.isEmpty()) {
                continue;
            }
            switch (fact) {
                case Presence p -> presences.add(new Presence(p.roomId(), p.userId(), inside));
                case Subscription s ->
                        subscriptions.add(
                                new Subscription(
                                        s.roomId(),
                                        s.receiverId(),
                                        s.senderId(),
                                        s.stream(),
                                        s.received(),
                                        inside));
            }
        }
        return buckets(BaseServiceRater.rate(presences, subscriptions));
    }

    private static List<BucketSeconds> buckets(List<TimedUsage> usages) {
        List<BucketSeconds> buckets = new ArrayList<>();
        for (TimedUsage usage : usages) {
            for (CalendarSlice slice : BUCKETS.slice(usage.span())) {
                buckets.add(
                        new BucketSeconds(
                                BUCKETS.intervalStart(slice.billingDay(), slice.intervalIndex()),
                                usage.key(),
                                slice.seconds() * usage.multiplier()));
            }
        }
        return buckets;
    }

    private static Instant floor(Instant instant) {
        return Instant.ofEpochSecond(
                Math.floorDiv(instant.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS);
    }

    private static Instant ceil(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? floor : floor.plus(Duration.ofSeconds(BUCKET_SECONDS));
    }
}
