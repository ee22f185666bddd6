package dev.rtcsuite.packages.domain.prepaid;

import static dev.rtcsuite.packages.domain.PackageFixtures.ZONE;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC P-2, P-3: purchase day to the last day of the same month of the next year. */
class ValidityTest {

    @ParameterizedTest(name = "{0} + {1} months → through {2}")
    @CsvSource({
        "2020-05-01T00:00:00, 12, 2021-05-31",
        "2020-05-31T23:59:59, 12, 2021-05-31",
        "2020-02-29T12:00:00, 12, 2021-02-28",
        "2023-02-01T12:00:00, 12, 2024-02-29",
        "2020-12-15T12:00:00, 12, 2021-12-31",
        "2020-12-15T12:00:00, 1,  2021-01-31",
        "2020-01-15T12:00:00, 36, 2023-01-31",
    })
    void lastsToTheEndOfTheMonthSoManyMonthsLater(String start, int months, LocalDate lastDay) {
        Validity validity = Validity.months(at(start), ZONE, months);

        assertThat(validity.lastDay()).isEqualTo(lastDay);
        assertThat(validity.expireTime())
                .isEqualTo(lastDay.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    @ParameterizedTest(name = "{0} covered: {1}")
    @CsvSource({
        "2020-04-30, false",
        "2020-05-01, true",
        "2021-05-31, true",
        "2021-06-01, false",
    })
    void coversItsBillingDaysOnly(LocalDate day, boolean covered) {
        Validity validity = Validity.months(at("2020-05-01T10:00:00"), ZONE, 12);

        assertThat(validity.covers(day)).isEqualTo(covered);
    }
}
