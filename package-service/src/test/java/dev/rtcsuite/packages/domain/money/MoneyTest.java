package dev.rtcsuite.packages.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** SPEC §0: exact decimal money with a currency. */
class MoneyTest {

    @Test
    void equalAmountsAreEqualWhateverTheirScale() {
        assertThat(Money.cny("168")).isEqualTo(Money.cny("168.00000000"));
        assertThat(Money.cny("168").plainAmount()).isEqualTo("168.00");
        assertThat(Money.cny("0.00672000").plainAmount()).isEqualTo("0.00672");
    }

    @Test
    void roundsHalfUpToCentsAndToEightDecimals() {
        assertThat(Money.cny("0.005").roundedToCents()).isEqualTo(Money.cny("0.01"));
        assertThat(Money.cny("0.0049999").roundedToCents()).isEqualTo(Money.cny("0.00"));
        assertThat(Money.cny("-0.005").roundedToCents()).isEqualTo(Money.cny("-0.01"));
        assertThat(Money.cny("0.005629333333").roundedToExactScale())
                .isEqualTo(Money.cny("0.00562933"));
    }

    @Test
    void multipliesExactly() {
        assertThat(Money.cny("0.00672").times(25_000)).isEqualTo(Money.cny("168.00"));
        assertThat(Money.cny("0.00562933").times(new BigDecimal("3")))
                .isEqualTo(Money.cny("0.01688799"));
    }

    @Test
    void refusesToMixCurrencies() {
        Money usd = Money.of("1.00", Currency.getInstance("USD"));

        assertThatThrownBy(() -> Money.cny("1.00").plus(usd))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
