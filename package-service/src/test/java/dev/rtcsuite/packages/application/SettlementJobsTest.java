package dev.rtcsuite.packages.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** SPEC P-5: when a billing day's settlement job is due. */
class SettlementJobsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration DELAY = Duration.ofMinutes(30);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    @Test
    void aDayIsSettledAtTheNextDaysStartInItsTimeZonePlusTheDelay() {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        assertThat(SettlementJobs.dueTime(SHANGHAI, DAY, DELAY, now))
                .isEqualTo(Instant.parse("2026-11-29T16:30:00Z")); // 00:30 on the 30th
    }

    @Test
    void aDayWhoseSettlementTimeHasPassedIsDueNowBehindWorkAlreadyDue() {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");

        assertThat(SettlementJobs.dueTime(SHANGHAI, DAY, DELAY, now)).isEqualTo(now);
        assertThat(SettlementJobs.dueTime(SHANGHAI, LocalDate.of(2023, 8, 14), DELAY, now))
                .isEqualTo(now);
    }

    @Test
    void atItsSettlementTimeADayIsDueThen() {
        Instant settlementTime = Instant.parse("2026-11-29T16:30:00Z");

        assertThat(SettlementJobs.dueTime(SHANGHAI, DAY, DELAY, settlementTime))
                .isEqualTo(settlementTime);
    }
}
