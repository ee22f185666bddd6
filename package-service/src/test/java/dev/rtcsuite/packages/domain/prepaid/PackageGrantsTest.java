package dev.rtcsuite.packages.domain.prepaid;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.ZONE;
import static dev.rtcsuite.packages.domain.PackageFixtures.assertRefused;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.money.PaymentBreakdown;
import dev.rtcsuite.platform.error.FieldViolation;
import dev.rtcsuite.platform.error.ServiceException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC P-3: gifts and legacy conversions. */
class PackageGrantsTest {

    private final Instant now = at("2026-03-10T09:00:00");

    @ParameterizedTest(name = "{1} legacy {0} minutes → {2} general minutes")
    @CsvSource({"VOICE, 1000, 1000", "SD, 1000, 2000", "HD, 1000, 4000", "HD, 1, 4"})
    void legacyMinutesConvertOneTwoFour(LegacyPackageType type, long legacy, long general) {
        PrepaidPackage converted =
                PackageGrants.convertLegacy(
                        ACCOUNT, type, legacy, LocalDate.of(2026, 9, 30), "LEG-1", now, ZONE);

        assertThat(converted.kind()).isEqualTo(PackageKind.CONVERTED);
        assertThat(converted.totalMinutes()).isEqualTo(general);
        assertThat(converted.kind().ratios()).isEqualTo(DeductionRatios.GENERAL);
        assertThat(converted.validity().lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(converted.state(now)).isEqualTo(PackageState.ACTIVE);
        assertThat(converted.terms().refundable()).isFalse();
        assertThat(converted.note()).contains("LEG-1");
    }

    @Test
    void conversionRefusesALastValidDayInThePast() {
        assertRefused(
                () ->
                        PackageGrants.convertLegacy(
                                ACCOUNT,
                                LegacyPackageType.SD,
                                10,
                                LocalDate.of(2026, 3, 9),
                                "LEG-1",
                                now,
                                ZONE),
                ServiceException.VALIDATION_FAILED);
    }

    @Test
    void giftIsFreeNeverRefundableAndValidTwelveMonthsByDefault() {
        PrepaidPackage gift =
                PackageGrants.gift(ACCOUNT, 20_000, 0, "", "conference prize", now, ZONE);

        assertThat(gift.kind()).isEqualTo(PackageKind.GIFT);
        assertThat(gift.terms().price()).isEqualTo(Money.cny("0"));
        assertThat(gift.payment()).isEqualTo(PaymentBreakdown.free());
        assertThat(gift.terms().refundable()).isFalse();
        assertThat(gift.terms().displayName()).isEqualTo("Gift package 20,000 minutes");
        assertThat(gift.validity().lastDay()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(gift.state(now)).isEqualTo(PackageState.ACTIVE);
    }

    @Test
    void giftNamesEveryBadField() {
        assertThatThrownBy(() -> PackageGrants.gift(ACCOUNT, 0, 37, "", "", now, ZONE))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e ->
                                assertThat(e.violations())
                                        .extracting(FieldViolation::field)
                                        .containsExactly("minutes", "validity_months", "note"));
    }
}
