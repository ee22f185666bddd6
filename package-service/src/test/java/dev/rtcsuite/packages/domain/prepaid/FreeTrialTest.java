package dev.rtcsuite.packages.domain.prepaid;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.ZONE;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC P-2: the free trial. */
class FreeTrialTest {

    private final Instant granted = at("2020-05-01T10:00:00");
    private final PrepaidPackage trial =
            FreeTrial.grantWithApp(ACCOUNT, 0, granted, ZONE).orElseThrow();

    @Test
    void firstAppGrantsTenThousandFreeMinutesDeductingAtOnce() {
        assertThat(trial.kind()).isEqualTo(PackageKind.FREE_TRIAL);
        assertThat(trial.totalMinutes()).isEqualTo(10_000);
        assertThat(trial.remainingMinutes()).isEqualTo(10_000);
        assertThat(trial.terms().price()).isEqualTo(Money.cny("0"));
        assertThat(trial.state(granted)).isEqualTo(PackageState.ACTIVE);
        assertThat(trial.activationTime()).isEqualTo(granted);
    }

    @Test
    void laterAppsGrantNoSecondTrial() {
        assertThat(FreeTrial.grantWithApp(ACCOUNT, 1, granted, ZONE)).isEmpty();
    }

    @Test
    void grantedOnMayFirstIsValidThroughMayThirtyFirstOfNextYearEndOfDay() {
        assertThat(trial.validity().firstDay()).isEqualTo(LocalDate.of(2020, 5, 1));
        assertThat(trial.validity().lastDay()).isEqualTo(LocalDate.of(2021, 5, 31));
        assertThat(trial.validity().expireTime()).isEqualTo(at("2021-06-01T00:00:00"));
        assertThat(trial.state(at("2021-05-31T23:59:59"))).isEqualTo(PackageState.ACTIVE);
        assertThat(trial.state(at("2021-06-01T00:00:00"))).isEqualTo(PackageState.EXPIRED);
    }

    @Test
    void grantDayIsTheDayInTheBillingZone() {
        // 2020-04-30T16:30Z is already 2020-05-01 00:30 in Asia/Shanghai.
        PrepaidPackage justAfterMidnight =
                FreeTrial.grantWithApp(ACCOUNT, 0, Instant.parse("2020-04-30T16:30:00Z"), ZONE)
                        .orElseThrow();

        assertThat(justAfterMidnight.validity().lastDay()).isEqualTo(LocalDate.of(2021, 5, 31));
    }

    @ParameterizedTest
    @EnumSource(ResolutionTier.class)
    void everyTierDeductsOneToOne(ResolutionTier tier) {
        assertThat(trial.ratio(tier)).isEqualTo(1);
    }

    @Test
    void isNeverRefundable() {
        assertThat(trial.terms().refundable()).isFalse();
    }
}
