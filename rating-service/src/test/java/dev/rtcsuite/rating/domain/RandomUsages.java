package dev.rtcsuite.rating.domain;

import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Seeded random usage for property tests. Plain JUnit parameterized over seeds rather than jqwik,
 * whose releases run on JUnit Platform 1.x while Quarkus brings Platform 6; every case is
 * reproducible from its seed.
 */
public final class RandomUsages {

    /** Seeds of the property cases: each property runs once per seed. */
    public static IntStream seeds() {
        return IntStream.rangeClosed(1, 200);
    }

    private static final List<ChargeKey> KEYS =
            List.of(
                    ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.AUDIO),
                    ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.of(ResolutionTier.SD)),
                    ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.of(ResolutionTier.FHD)),
                    ChargeKey.of(
                            BillableItem.BASE_SERVICE,
                            new RatedTier.Tiered(ResolutionTier.UHD, true)),
                    ChargeKey.of(
                            BillableItem.RECORDING_MIXED_STREAM, RatedTier.of(ResolutionTier.HD)),
                    ChargeKey.untiered(BillableItem.IN_CLASS_RECORDING),
                    ChargeKey.untiered(BillableItem.IN_CLASS_RECORDING).asFree());

    private final Random random;

    public RandomUsages(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** 1–40 timed usages on the fixture day; a few run past midnight into the next day. */
    public List<TimedUsage> timedUsages() {
        int count = 1 + random.nextInt(40);
        List<TimedUsage> usages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = RatingFixtures.at("00:00").plusSeconds(random.nextInt(86_400));
            TimeSpan span = TimeSpan.ofSeconds(start, 1 + random.nextInt(3_600));
            usages.add(
                    new TimedUsage(
                            "user-" + random.nextInt(4),
                            KEYS.get(random.nextInt(KEYS.size())),
                            span,
                            1 + random.nextInt(3)));
        }
        return usages;
    }

    /** The usage cut into adjacent pieces at random whole seconds. */
    public List<TimedUsage> cutIntoPieces(TimedUsage usage) {
        List<TimedUsage> pieces = new ArrayList<>();
        Instant start = usage.span().start();
        while (start.isBefore(usage.span().end())) {
            long left = usage.span().end().getEpochSecond() - start.getEpochSecond();
            Instant end = start.plusSeconds(1 + random.nextLong(left));
            pieces.add(
                    new TimedUsage(
                            usage.subject(),
                            usage.key(),
                            new TimeSpan(start, end),
                            usage.multiplier()));
            start = end;
        }
        return pieces;
    }

    /** Cut points strictly inside (start, end), with random nanoseconds, in order. */
    public List<Instant> cutPoints(Instant start, Instant end, int maxCuts) {
        long nanos = Duration.between(start, end).toNanos();
        return random.longs(random.nextInt(maxCuts + 1), 1, Math.max(2, nanos))
                .filter(n -> n < nanos)
                .sorted()
                .distinct()
                .mapToObj(start::plusNanos)
                .toList();
    }

    public Resolution resolution() {
        return switch (random.nextInt(6)) {
            case 0 -> Resolution.NONE;
            case 1 -> Resolution.of(640, 360);
            case 2 -> Resolution.of(1280, 720);
            case 3 -> Resolution.of(1920, 1080);
            case 4 -> Resolution.of(2560, 1440);
            default -> Resolution.of(7680, 4320);
        };
    }

    /** Splits a list into consecutive batches of random sizes. */
    public <T> List<List<T>> batches(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        int from = 0;
        while (from < items.size()) {
            int to = Math.min(items.size(), from + 1 + random.nextInt(5));
            batches.add(items.subList(from, to));
            from = to;
        }
        return batches;
    }
}
