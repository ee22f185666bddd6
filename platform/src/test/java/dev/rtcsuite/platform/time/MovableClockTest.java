package dev.rtcsuite.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MovableClockTest {

    @Test
    void advancingMovesTheClockAheadOfRealTimeAndKeepsItRunning() throws InterruptedException {
        MovableClock clock = new MovableClock(Optional.empty());

        Instant moved = clock.advance(Duration.ofDays(1));
        Thread.sleep(5);

        assertThat(moved).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(clock.instant()).isAfter(moved);
    }

    @Test
    void timeNeverGoesBack() {
        assertThatThrownBy(() -> new MovableClock(Optional.empty()).advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoppedClockMovesOnlyWhenAdvanced() throws InterruptedException {
        MovableClock clock = new MovableClock(Optional.empty());
        Instant at = Instant.now().plusSeconds(60);

        clock.stopAt(at);
        Thread.sleep(5);

        assertThat(clock.instant()).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(clock.advance(Duration.ofMinutes(10)))
                .isEqualTo(
                        at.plus(Duration.ofMinutes(10))
                                .truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThatThrownBy(() -> clock.stopAt(at)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClockConfiguredToStartStoppedReadsThatInstantFromTheStart() throws InterruptedException {
        Instant suiteTime = Instant.now().plus(Duration.ofHours(1));
        MovableClock clock = new MovableClock(Optional.of(suiteTime));
        Thread.sleep(5);

        assertThat(clock.instant()).isEqualTo(suiteTime.truncatedTo(ChronoUnit.MICROS));
        assertThat(clock.advance(Duration.ofSeconds(61)))
                .isEqualTo(suiteTime.plusSeconds(61).truncatedTo(ChronoUnit.MICROS));
    }
}
