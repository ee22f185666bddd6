package dev.rtcsuite.recording.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC P-6 as recording-service acts on package-service's service status. */
class ServiceStandingTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static ServiceStanding standing(boolean inService, String status) {
        return new ServiceStanding(1_400_000_001L, "account-1", inService, status, NOW);
    }

    @Test
    void workInProgressIsCutOnlyWhenTheAppIsOutOfServiceNeverInTheArrearsGrace() {
        assertThat(standing(true, "NONE").stopsRunningTasks()).isFalse();
        assertThat(standing(true, "ARREARS_GRACE").stopsRunningTasks()).isFalse();
        for (String out :
                new String[] {
                    "SUSPENDED_ARREARS",
                    "SUSPENDED_VIOLATION",
                    "RECLAIMED",
                    "TRIAL_EXHAUSTED",
                    "APP_DISABLED"
                }) {
            assertThat(standing(false, out).stopsRunningTasks()).as(out).isTrue();
        }
    }

    @Test
    void filesAreNotServedWhileSuspendedAndPurgedOnlyWhenReclaimed() {
        assertThat(standing(false, "SUSPENDED_ARREARS").filesServed()).isFalse();
        assertThat(standing(false, "SUSPENDED_VIOLATION").filesServed()).isFalse();
        assertThat(standing(false, "RECLAIMED").filesServed()).isFalse();
        assertThat(standing(false, "TRIAL_EXHAUSTED").filesServed()).isTrue();
        assertThat(standing(false, "APP_DISABLED").filesServed()).isTrue();
        assertThat(standing(false, "RECLAIMED").reclaimed()).isTrue();
        assertThat(standing(false, "SUSPENDED_ARREARS").reclaimed()).isFalse();
    }

    @Test
    void theLaterStandingHolds() {
        ServiceStanding earlier = standing(false, "SUSPENDED_ARREARS");
        ServiceStanding later =
                new ServiceStanding(1_400_000_001L, "account-1", true, "NONE", NOW.plusSeconds(1));
        assertThat(earlier.olderThan(later)).isTrue();
        assertThat(later.olderThan(earlier)).isFalse();
        assertThat(later.olderThan(later)).isFalse();
    }
}
