package dev.rtcsuite.packages.domain.prepaid;

import static dev.rtcsuite.packages.domain.PackageFixtures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.platform.error.ServiceException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC P-3: fixed sizes, custom bands, displayed and charged unit prices. */
class GeneralPackagePricingTest {

    @ParameterizedTest(name = "{0}: {1} minutes for {2}, {3}/1000, {4}/minute")
    @CsvSource({
        "SIZE_25K,   25000,   168.00,   6.720, 0.00672",
        "SIZE_250K,  250000,  1588.00,  6.352, 0.006352",
        "SIZE_1000K, 1000000, 5968.00,  5.968, 0.005968",
        "SIZE_3000K, 3000000, 16888.00, 5.630, 0.00562933",
    })
    void fixedSizesHaveTheirSetPrices(
            FixedPackageSize size,
            long minutes,
            String price,
            String perThousand,
            String perMinute) {
        // SPEC P-3
        PackageQuote quote = GeneralPackagePricing.quote(size);

        assertThat(quote.minutes()).isEqualTo(minutes);
        assertThat(quote.price()).isEqualTo(Money.cny(price));
        assertThat(quote.pricePerThousandMinutes()).isEqualTo(Money.cny(perThousand));
        assertThat(quote.perMinutePrice()).isEqualTo(Money.cny(perMinute));
        assertThat(quote.fixedSize()).contains(size);
    }

    @Test
    void listPriceShowsTheDiscount() {
        assertThat(GeneralPackagePricing.quote(FixedPackageSize.SIZE_25K).listPrice())
                .isEqualTo(Money.cny("175.00"));
        assertThat(GeneralPackagePricing.quote(FixedPackageSize.SIZE_3000K).listPrice())
                .isEqualTo(Money.cny("21000.00"));
    }

    @ParameterizedTest(name = "custom {0} minutes: {1}/1000, {2}/minute, price {3}")
    @CsvSource({
        // X < 25: the list price 7.000 per 1,000
        "1,         7.000, 0.007,      0.01",
        "10000,     7.000, 0.007,      70.00",
        "24999,     7.000, 0.007,      174.99",
        // 25 ≤ X < 250: 168.00 / 25,000
        "25000,     6.720, 0.00672,    168.00",
        "100000,    6.720, 0.00672,    672.00",
        "249999,    6.720, 0.00672,    1679.99",
        // 250 ≤ X < 1,000: 1,588.00 / 250,000
        "250000,    6.352, 0.006352,   1588.00",
        "999999,    6.352, 0.006352,   6351.99",
        // 1,000 ≤ X < 3,000: 5,968.00 / 1,000,000
        "1000000,   5.968, 0.005968,   5968.00",
        "2999999,   5.968, 0.005968,   17903.99",
        // X ≥ 3,000: 16,888.00 / 3,000,000 kept to 8 decimals
        "3000000,   5.630, 0.00562933, 16887.99",
        "10000000,  5.630, 0.00562933, 56293.30",
        "100000000, 5.630, 0.00562933, 562933.00",
    })
    void customSizesTakeTheUnitPriceOfTheirBand(
            long minutes, String perThousand, String perMinute, String price) {
        // SPEC P-3
        PackageQuote quote = GeneralPackagePricing.quoteCustom(minutes);

        assertThat(quote.pricePerThousandMinutes()).isEqualTo(Money.cny(perThousand));
        assertThat(quote.perMinutePrice()).isEqualTo(Money.cny(perMinute));
        assertThat(quote.price()).isEqualTo(Money.cny(price));
        assertThat(quote.fixedSize()).isEmpty();
    }

    @Test
    void customSizeOfAFixedSizeCostsTheSameExceptWhereTheEightDecimalUnitRoundsDown() {
        // 16,888 / 3,000,000 = 0.005629333…, kept as 0.00562933: 3,000,000 custom minutes are 0.01
        // cheaper than the fixed package, whose price is set.
        assertThat(GeneralPackagePricing.quoteCustom(25_000).price())
                .isEqualTo(Money.cny("168.00"));
        assertThat(GeneralPackagePricing.quoteCustom(3_000_000).price())
                .isEqualTo(Money.cny("16887.99"));
        assertThat(GeneralPackagePricing.quote(FixedPackageSize.SIZE_3000K).price())
                .isEqualTo(Money.cny("16888.00"));
    }

    @Test
    void bandIsTheLargestFixedSizeReached() {
        assertThat(GeneralPackagePricing.bandOf(24_999)).isEqualTo(Optional.empty());
        assertThat(GeneralPackagePricing.bandOf(25_000)).contains(FixedPackageSize.SIZE_25K);
        assertThat(GeneralPackagePricing.bandOf(2_999_999)).contains(FixedPackageSize.SIZE_1000K);
        assertThat(GeneralPackagePricing.bandOf(3_000_000)).contains(FixedPackageSize.SIZE_3000K);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "100000001"})
    void customSizeOutsideOneToHundredMillionMinutesIsInvalid(long minutes) {
        assertRefused(
                () -> GeneralPackagePricing.quoteCustom(minutes),
                ServiceException.VALIDATION_FAILED);
    }
}
