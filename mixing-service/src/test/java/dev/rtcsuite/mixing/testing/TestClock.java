package dev.rtcsuite.mixing.testing;

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
 * until a test moves it, so usage periods and job due times are exact.
 */
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Instant> now =
            new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    public Instant advance(Duration duration) {
        return now.updateAndGet(t -> t.plus(duration));
    }

    /** Moves to the next whole minute and returns it. */
    public Instant nextMinute() {
        return now.updateAndGet(t -> t.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
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
