package dev.rtcsuite.packages.domain.deduction;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.ZONE;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static dev.rtcsuite.packages.domain.PackageFixtures.boughtGeneral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import dev.rtcsuite.packages.domain.prepaid.PackageState;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC P-3: on activation a package takes over its purchase day's postpaid overflow. */
class ActivationCatchUpTest {

    private static final LocalDate PURCHASE_DAY = LocalDate.of(2026, 3, 10);
    private static final Instant BOUGHT = at("2026-03-10T10:00:00");
    private static final Instant ACTIVATION = at("2026-03-10T10:05:00");
    private static final Money HD_PRICE = Money.cny("0.028");
    private static final Money AUDIO_PRICE = Money.cny("0.007");

    private final List<Deduction> dayDeductions = new ArrayList<>();

    @Test
    void takesOverTheOverflowOfThePurchaseDaySinceMidnight() {
        overflow(PURCHASE_DAY, ResolutionTier.HD, 0, 10, HD_PRICE);
        overflow(PURCHASE_DAY, ResolutionTier.AUDIO, 100, 5, AUDIO_PRICE);

        ActivationCatchUp.Activation activation =
                ActivationCatchUp.activate(
                        boughtGeneral(25_000, BOUGHT), dayDeductions, ACTIVATION);

        assertThat(activation.activated().state(ACTIVATION)).isEqualTo(PackageState.ACTIVE);
        assertThat(activation.activated().remainingMinutes()).isEqualTo(25_000 - 40 - 5);
        assertThat(activation.catchUps())
                .extracting(
                        d -> d.key().intervalIndex(),
                        Deduction::kind,
                        Deduction::packageMinutes,
                        Deduction::postpaidUsageMinutes,
                        Deduction::postpaidAmount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                0,
                                DeductionKind.ACTIVATION_CATCH_UP,
                                40L,
                                UsageMinutes.of(-10),
                                Money.cny("-0.28")),
                        org.assertj.core.groups.Tuple.tuple(
                                100,
                                DeductionKind.ACTIVATION_CATCH_UP,
                                5L,
                                UsageMinutes.of(-5),
                                Money.cny("-0.035")));
    }

    @Test
    void neverTouchesEarlierDaysOrCoveredUsage() {
        overflow(PURCHASE_DAY.minusDays(1), ResolutionTier.HD, 280, 20, HD_PRICE);
        PrepaidPackage other = boughtGeneral(25_000, at("2026-03-01T10:00:00"));
        other = other.activate(other.activationTime());
        dayDeductions.add(
                Deductor.deduct(
                                ACCOUNT,
                                usage(PURCHASE_DAY, ResolutionTier.HD, 5, 3, HD_PRICE),
                                Optional.empty(),
                                new AccountPackages(List.of(other)),
                                at("2026-03-10T00:30:00"))
                        .deduction());

        ActivationCatchUp.Activation activation =
                ActivationCatchUp.activate(
                        boughtGeneral(25_000, BOUGHT), dayDeductions, ACTIVATION);

        assertThat(activation.catchUps()).isEmpty();
        assertThat(activation.activated().remainingMinutes()).isEqualTo(25_000);
    }

    @Test
    void aSmallPackageTakesWhatItCanAndTheNextActivationTakesTheRest() {
        overflow(PURCHASE_DAY, ResolutionTier.HD, 0, 10, HD_PRICE);

        ActivationCatchUp.Activation first =
                ActivationCatchUp.activate(boughtGeneral(30, BOUGHT), dayDeductions, ACTIVATION);
        dayDeductions.addAll(first.catchUps());
        ActivationCatchUp.Activation second =
                ActivationCatchUp.activate(
                        boughtGeneral(25_000, BOUGHT.plusSeconds(60)),
                        dayDeductions,
                        ACTIVATION.plusSeconds(60));

        assertThat(first.activated().remainingMinutes()).isZero();
        assertThat(first.catchUps().getFirst().postpaidUsageMinutes())
                .isEqualTo(new UsageMinutes(-15, 2));
        assertThat(second.catchUps().getFirst().packageMinutes()).isEqualTo(10);
        assertThat(second.catchUps().getFirst().postpaidUsageMinutes())
                .isEqualTo(new UsageMinutes(-5, 2));
        assertThat(
                        dayDeductions.stream()
                                .map(Deduction::postpaidUsageMinutes)
                                .reduce(UsageMinutes.ZERO, UsageMinutes::plus)
                                .plus(second.catchUps().getFirst().postpaidUsageMinutes()))
                .isEqualTo(UsageMinutes.ZERO);
    }

    @Test
    void isRefusedBeforeTheActivationDelayIsOver() {
        assertThatThrownBy(
                        () ->
                                ActivationCatchUp.activate(
                                        boughtGeneral(25_000, BOUGHT),
                                        dayDeductions,
                                        ACTIVATION.minusSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    private void overflow(
            LocalDate day, ResolutionTier tier, int interval, long minutes, Money price) {
        dayDeductions.add(
                Deductor.deduct(
                                ACCOUNT,
                                usage(day, tier, interval, minutes, price),
                                Optional.empty(),
                                new AccountPackages(List.of()),
                                day.atStartOfDay(ZONE)
                                        .toInstant()
                                        .plusSeconds(300L * (interval + 1)))
                        .deduction());
    }

    private static IntervalUsage usage(
            LocalDate day, ResolutionTier tier, int interval, long minutes, Money price) {
        return new IntervalUsage(new UsageKey(1_400_000_001L, day, tier, interval), minutes, price);
    }
}
