package dev.rtcsuite.packages.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of the service under test (SPEC X-3), replacing the platform's default: it stands still
 * until a test sets or moves it, so validity, refund windows, grace and reclaim are exact. Tests
 * that set it to a date of a SPEC example use accounts of their own, so other tests' rows do not
 * matter.
 */
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Instant> now =
            new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    public Instant set(Instant time) {
        now.set(time);
        return time;
    }

    public Instant advance(Duration duration) {
        return now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
