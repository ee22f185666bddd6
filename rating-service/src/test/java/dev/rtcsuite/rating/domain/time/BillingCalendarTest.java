package dev.rtcsuite.rating.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.rating.domain.RatingFixtures;
import dev.rtcsuite.rating.domain.TimeSpan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC §0, R-2: billing days in the account's zone and their 5-minute intervals")
class BillingCalendarTest {

    @Test
    void theDefaultBillingTimeZoneIsShanghai() {
        assertThat(BillingCalendar.DEFAULT.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aDayHas288IntervalsAndDaylightSavingDaysHaveFewerOrMore() {
        BillingCalendar newYork = new BillingCalendar(ZoneId.of("America/New_York"));

        assertThat(BillingCalendar.DEFAULT.intervalCount(RatingFixtures.DAY)).isEqualTo(288);
        assertThat(newYork.intervalCount(LocalDate.of(2026, 3, 8))).isEqualTo(276);
        assertThat(newYork.intervalCount(LocalDate.of(2026, 11, 1))).isEqualTo(300);
    }

    @Test
    void aSpanIsCutAtIntervalAndMidnightBoundaries() {
        Instant start = RatingFixtures.at("23:58:30");
        TimeSpan span = TimeSpan.ofSeconds(start, 300);

        assertThat(BillingCalendar.DEFAULT.slice(span))
                .containsExactly(
                        new CalendarSlice(RatingFixtures.DAY, 287, 90),
                        new CalendarSlice(RatingFixtures.DAY.plusDays(1), 0, 210));
        assertThat(BillingCalendar.DEFAULT.billingDays(span))
                .containsExactly(RatingFixtures.DAY, RatingFixtures.DAY.plusDays(1));
    }
}
