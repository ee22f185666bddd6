package dev.rtcsuite.rating.application;

import dev.rtcsuite.platform.jobs.RetryPolicy;
import dev.rtcsuite.rating.client.DeductionClient;
import dev.rtcsuite.rating.client.DeductionClient.IntervalDeduction;
import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.accumulation.IntervalUsage;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import dev.rtcsuite.rating.persistence.HandoffRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Hands each closed interval's base-service minutes to package-service for deduction (SPEC P-4,
 * R-8), as durable work: intervals are queued in PostgreSQL once, and delivered by whichever
 * replica claims them, with exponential back-off and jitter until package-service acknowledges.
 */
@ApplicationScoped
public class DeductionHandoff {

    /** An interval's minutes are handed off this long after it ends, to let late usage arrive. */
    public static final Duration LATE_USAGE = Duration.ofMinutes(2);

    private static final RetryPolicy RETRY =
            RetryPolicy.forever(Duration.ofSeconds(5), Duration.ofMinutes(10));

    private static final Logger LOG = Logger.getLogger(DeductionHandoff.class);

    private final HandoffRepository queue;
    private final DailyRatings ratings;
    private final DeductionClient packages;
    private final UsageFolding folding;

    public DeductionHandoff(
            HandoffRepository queue,
            DailyRatings ratings,
            DeductionClient packages,
            UsageFolding folding) {
        this.queue = queue;
        this.ratings = ratings;
        this.packages = packages;
        this.folding = folding;
    }

    /**
     * Queues the intervals that closed by {@code now}, one transaction per app so that one app's
     * failure (its account unknown, say) holds back only that app; returns the apps advanced. An
     * interval closes once the usage received up to its end plus {@link #LATE_USAGE} is folded into
     * the buckets.
     */
    public int closeIntervals(Instant now) {
        Instant folded = folding.oldestUnfolded().filter(t -> t.isBefore(now)).orElse(now);
        Instant closeUntil = bucketFloor(folded.minus(LATE_USAGE));
        int advanced = 0;
        for (long app :
                QuarkusTransaction.requiringNew()
                        .call(() -> queue.appsWithOpenIntervals(closeUntil))) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> closeApp(app, closeUntil, now))) {
                    advanced++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("intervals of app %d not handed off yet: %s", app, e.getMessage());
            }
        }
        return advanced;
    }

    private boolean closeApp(long app, Instant closeUntil, Instant now) {
        Optional<Instant> watermark = queue.lockWatermark(app);
        if (watermark.isEmpty() || !watermark.get().isBefore(closeUntil)) {
            return false;
        }
        for (RatedDay day : ratings.appDays(app, watermark.get(), closeUntil)) {
            for (IntervalUsage interval : day.intervals()) {
                if (closes(interval, watermark.get(), closeUntil)) {
                    queue.enqueue(deduction(app, day, interval), now);
                }
            }
        }
        queue.moveWatermark(app, closeUntil);
        return true;
    }

    /**
     * Delivers up to {@code limit} due deductions in one call; returns how many package-service
     * acknowledged. An interval it refused (its app unknown, say) is retried later on its own
     * back-off without holding the others back.
     */
    @Transactional
    public int deliverDue(Instant now, int limit) {
        List<IntervalDeduction> due = queue.claimDue(now, limit);
        if (due.isEmpty()) {
            return 0;
        }
        List<Optional<String>> failures = packages.deliverAll(due);
        List<UUID> delivered = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            UUID requestId = due.get(i).requestId();
            Optional<String> failure = failures.get(i);
            if (failure.isEmpty()) {
                delivered.add(requestId);
            } else {
                int attempts = queue.attempts(requestId) + 1;
                queue.failed(requestId, failure.get(), now.plus(backoff(attempts)));
                LOG.debugf(
                        "deduction %s not delivered (attempt %d): %s",
                        requestId, attempts, failure.get());
            }
        }
        queue.delivered(delivered, now);
        return delivered.size();
    }

    /** 5 s, 10 s, 20 s … up to 10 min, each with up to 20 % jitter so replicas spread out. */
    static Duration backoff(int attempts) {
        return RETRY.delayAfter(attempts, ThreadLocalRandom.current()::nextLong);
    }

    private static boolean closes(IntervalUsage interval, Instant from, Instant until) {
        return interval.key().item() == BillableItem.BASE_SERVICE
                && interval.minutes().billableMinutes() > 0
                && !interval.intervalStart().isBefore(from)
                && !interval.intervalStart().plus(BillingCalendar.INTERVAL).isAfter(until);
    }

    private static IntervalDeduction deduction(long app, RatedDay day, IntervalUsage interval) {
        String tier = interval.key().tier().resolutionTier().orElseThrow().name();
        String naturalKey =
                app + "/" + day.billingDay() + "/" + tier + "/" + interval.intervalIndex();
        return new IntervalDeduction(
                // The same interval always gets the same request id, whoever queues it.
                UUID.nameUUIDFromBytes(naturalKey.getBytes(StandardCharsets.UTF_8)),
                app,
                day.billingDay(),
                tier,
                interval.intervalIndex(),
                interval.minutes().billableMinutes(),
                interval.price().unitPrice().amount(),
                interval.price().unitPrice().currency(),
                interval.price().priceBookVersion());
    }

    private static Instant bucketFloor(Instant instant) {
        long bucket = BillingCalendar.INTERVAL.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), bucket) * bucket);
    }
}
