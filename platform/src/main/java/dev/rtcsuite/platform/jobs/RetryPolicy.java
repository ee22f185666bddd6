package dev.rtcsuite.platform.jobs;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.LongUnaryOperator;

/**
 * Exponential back-off with jitter between attempts, and how many attempts a job gets.
 *
 * @param maxAttempts empty: retried until it succeeds
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, OptionalInt maxAttempts) {

    /** 5 s, 10 s, 20 s … up to 10 minutes, forever. */
    public static final RetryPolicy DEFAULT =
            forever(Duration.ofSeconds(5), Duration.ofMinutes(10));

    public RetryPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must be positive and first ≤ max");
        }
        maxAttempts.ifPresent(
                max -> {
                    if (max < 1) {
                        throw new IllegalArgumentException("maxAttempts must be ≥ 1");
                    }
                });
    }

    public static RetryPolicy forever(Duration firstDelay, Duration maxDelay) {
        return new RetryPolicy(firstDelay, maxDelay, OptionalInt.empty());
    }

    public static RetryPolicy upTo(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        return new RetryPolicy(firstDelay, maxDelay, OptionalInt.of(maxAttempts));
    }

    /** Whether a job that has failed {@code attempts} times may run again. */
    public boolean allowsAnotherAttempt(int attempts) {
        return maxAttempts.isEmpty() || attempts < maxAttempts.getAsInt();
    }

    /**
     * The wait after the {@code attempts}-th failure: first × 2^(attempts−1), capped, plus up to 20
     * % jitter drawn by {@code jitter} (given the bound, exclusive) so that replicas spread out.
     */
    public Duration delayAfter(int attempts, LongUnaryOperator jitter) {
        long base = firstDelay.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(capped + jitter.applyAsLong(capped / 5 + 1));
    }
}
