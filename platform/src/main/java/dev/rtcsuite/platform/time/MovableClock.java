package dev.rtcsuite.platform.time;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A clock that end-to-end tests move through {@link TestClockRoute} (SPEC X-3): it runs from the
 * real time plus an offset until a test stops it at an instant ({@link #stopAt}); from then on only
 * {@link #advance} moves it, so every service of a suite reads the same time and durations come out
 * exact. Only in builds made with {@code rtcsuite.test-hooks=true} (RTCSUITE_E2E_HOOKS at build
 * time, never in the test profile): production builds have no such bean, and the services read the
 * system clock.
 *
 * <p>{@code rtcsuite.test-clock.stop-at} (RTCSUITE_TEST_CLOCK_STOP_AT) starts it stopped: a service
 * restarted in a test is on the suite's time from its first instant, not on real time until the
 * test reaches it (its jobs and feeds would run on the wrong time meanwhile).
 */
@Singleton
@IfBuildProperty(name = "rtcsuite.test-hooks", stringValue = "true")
public class MovableClock extends Clock {

    private Duration offset = Duration.ZERO;
    private Instant stoppedAt;

    public MovableClock(
            @ConfigProperty(name = "rtcsuite.test-clock.stop-at") Optional<Instant> stopAt) {
        stoppedAt = stopAt.map(at -> at.truncatedTo(ChronoUnit.MICROS)).orElse(null);
    }

    /** Moves time forward; it never goes back, as real time would not. */
    public synchronized Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        if (stoppedAt != null) {
            stoppedAt = stoppedAt.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
        return instant();
    }

    /** Stops the clock at {@code at}, not before its current time; only advance moves it then. */
    public synchronized Instant stopAt(Instant at) {
        if (at.isBefore(instant())) {
            throw new IllegalArgumentException("time only moves forward");
        }
        stoppedAt = at.truncatedTo(ChronoUnit.MICROS);
        return stoppedAt;
    }

    @Override
    public synchronized Instant instant() {
        // PostgreSQL keeps microseconds: a finer clock would not read back what it wrote.
        return stoppedAt != null
                ? stoppedAt
                : Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
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
