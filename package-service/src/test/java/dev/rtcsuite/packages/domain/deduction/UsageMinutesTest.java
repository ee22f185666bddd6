package dev.rtcsuite.packages.domain.deduction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.domain.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** SPEC P-4: exact fractional usage minutes. */
class UsageMinutesTest {

    @Test
    void fractionsAreKeptReduced() {
        assertThat(new UsageMinutes(6, 8)).isEqualTo(new UsageMinutes(3, 4));
        assertThat(UsageMinutes.of(7).dividedBy(9).plus(new UsageMinutes(2, 9)))
                .isEqualTo(UsageMinutes.of(1));
        assertThat(new UsageMinutes(0, 5)).isEqualTo(UsageMinutes.ZERO);
    }

    @Test
    void ceilRoundsUpToAWholeMinute() {
        assertThat(new UsageMinutes(5, 4).ceil()).isEqualTo(2);
        assertThat(UsageMinutes.of(3).ceil()).isEqualTo(3);
        assertThat(new UsageMinutes(-5, 4).ceil()).isEqualTo(-1);
    }

    @Test
    void decimalAndPriceRoundHalfUpToEightDecimals() {
        UsageMinutes twoNinths = new UsageMinutes(2, 9);

        assertThat(twoNinths.toDecimal()).isEqualByComparingTo(new BigDecimal("0.22222222"));
        assertThat(new UsageMinutes(2, 3).toDecimal())
                .isEqualByComparingTo(new BigDecimal("0.66666667"));
        assertThat(twoNinths.priceAt(Money.cny("0.00562933"))).isEqualTo(Money.cny("0.00125096"));
    }
}
