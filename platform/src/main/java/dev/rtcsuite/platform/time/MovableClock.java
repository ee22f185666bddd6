package dev.rtcsuite.platform.time;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock that end-to-end tests move through {@link TestClockRoute} (SPEC X-3), running from the
 * real time plus an offset. Only in builds made with {@code rtcsuite.test-hooks=true}
 * (RTCSUITE_TEST_HOOKS at build time, never in the test profile): production builds have no such
 * bean, and the services read the system clock.
 */
@Singleton
@IfBuildProperty(name = "rtcsuite.test-hooks", stringValue = "true")
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves time forward; it never goes back, as real time would not. */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset = offset.plus(duration);
        return instant();
    }

    @Override
    public Instant instant() {
        // PostgreSQL keeps microseconds: a finer clock would not read back what it wrote.
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
