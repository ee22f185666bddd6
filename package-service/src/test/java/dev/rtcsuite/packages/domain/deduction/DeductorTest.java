package dev.rtcsuite.packages.domain.deduction;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.activeGeneral;
import static dev.rtcsuite.packages.domain.PackageFixtures.assertRefused;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static dev.rtcsuite.packages.domain.PackageFixtures.boughtGeneral;
import static dev.rtcsuite.packages.domain.PackageFixtures.trial;
import static dev.rtcsuite.packages.domain.PackageFixtures.withRemaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.prepaid.RefundHold;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import dev.rtcsuite.platform.error.ServiceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC P-4: deducting interval usage from packages, the rest postpaid. */
class DeductorTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final Instant NOW = at("2026-03-10T12:00:00");
    private static final Money HD_PRICE = Money.cny("0.028");
    private static final Money FHD_PRICE = Money.cny("0.063");

    private final PrepaidPackage general = activeGeneral(25_000, at("2026-03-01T09:00:00"));

    @Test
    void oneHdMinuteUsesFourGeneralPackageMinutes() {
        Deductor.Outcome outcome = deduct(usage(ResolutionTier.HD, 1, HD_PRICE), general);

        assertThat(outcome.deduction().packageDeductions())
                .containsExactly(
                        new PackageDeduction(
                                general.packageId(), 4, 4, UsageMinutes.of(1), 25_000, 24_996));
        assertThat(outcome.changedPackages())
                .extracting(PrepaidPackage::remainingMinutes)
                .containsExactly(24_996L);
        assertThat(outcome.deduction().postpaidUsageMinutes()).isEqualTo(UsageMinutes.ZERO);
        assertThat(outcome.deduction().postpaidAmount()).isEqualTo(Money.cny("0"));
        assertThat(outcome.replayed()).isFalse();
    }

    @Test
    void trialTakesOnePackageMinutePerUsageMinuteOfAnyTier() {
        PrepaidPackage trial = trial(at("2026-01-05T10:00:00"));

        Deductor.Outcome outcome = deduct(usage(ResolutionTier.UHD, 10, HD_PRICE), trial);

        assertThat(outcome.deduction().packageMinutes()).isEqualTo(10);
        assertThat(outcome.changedPackages().getFirst().remainingMinutes()).isEqualTo(9_990);
    }

    @Test
    void packageThatCannotCoverTheWholeAmountIsUsedUpAndTheRestGoesToTheNext() {
        PrepaidPackage expiresFirst =
                withRemaining(activeGeneral(25_000, at("2026-02-01T09:00:00")), 10);

        Deductor.Outcome outcome =
                deduct(usage(ResolutionTier.HD, 5, HD_PRICE), general, expiresFirst);

        assertThat(outcome.deduction().packageDeductions())
                .containsExactly(
                        new PackageDeduction(
                                expiresFirst.packageId(), 4, 10, new UsageMinutes(5, 2), 10, 0),
                        new PackageDeduction(
                                general.packageId(),
                                4,
                                10,
                                new UsageMinutes(5, 2),
                                25_000,
                                24_990));
        assertThat(outcome.deduction().postpaidUsageMinutes().isZero()).isTrue();
    }

    @Test
    void whatNoPackageCoversGoesPostpaidAsFractionalUsageMinutes() {
        // 7 package minutes left at FHD 9:1 cover 7/9 of the minute; 2/9 is postpaid.
        PrepaidPackage sevenLeft = withRemaining(general, 7);

        Deduction deduction =
                deduct(usage(ResolutionTier.FHD, 1, FHD_PRICE), sevenLeft).deduction();

        assertThat(deduction.coveredUsageMinutes()).isEqualTo(new UsageMinutes(7, 9));
        assertThat(deduction.postpaidUsageMinutes()).isEqualTo(new UsageMinutes(2, 9));
        assertThat(deduction.postpaidUsageMinutes().toDecimal())
                .isEqualByComparingTo(new BigDecimal("0.22222222"));
        assertThat(deduction.postpaidAmount()).isEqualTo(Money.cny("0.014"));
        assertThat(deduction.packageDeductions().getFirst().minutesAfter()).isZero();
    }

    @Test
    void postpaidAmountIsComputedFromTheExactFractionToEightDecimals() {
        PrepaidPackage oneLeft = withRemaining(general, 1);

        Deduction deduction =
                deduct(usage(ResolutionTier.FHD, 1, Money.cny("0.028")), oneLeft).deduction();

        // 8/9 × 0.028 = 0.024888…
        assertThat(deduction.postpaidAmount()).isEqualTo(Money.cny("0.02488889"));
    }

    @Test
    void withoutPackagesTheWholeIntervalIsPostpaid() {
        Deduction deduction = deduct(usage(ResolutionTier.HD, 100, HD_PRICE)).deduction();

        assertThat(deduction.packageDeductions()).isEmpty();
        assertThat(deduction.postpaidUsageMinutes()).isEqualTo(UsageMinutes.of(100));
        assertThat(deduction.postpaidAmount()).isEqualTo(Money.cny("2.80"));
    }

    @Test
    void mixedRatiosTakeWholePackageMinutesOnly() {
        // 3 general minutes cover 3/4 of an HD minute; the trial (1:1, expiring later) covers the
        // remaining 5/4 with 2 whole package minutes.
        PrepaidPackage threeLeft =
                withRemaining(activeGeneral(25_000, at("2025-12-01T09:00:00")), 3);
        PrepaidPackage trial = trial(at("2026-01-05T10:00:00"));

        Deduction deduction =
                deduct(usage(ResolutionTier.HD, 2, HD_PRICE), trial, threeLeft).deduction();

        assertThat(deduction.packageDeductions())
                .extracting(PackageDeduction::packageMinutes, PackageDeduction::usageMinutes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, new UsageMinutes(3, 4)),
                        org.assertj.core.groups.Tuple.tuple(2L, new UsageMinutes(5, 4)));
        assertThat(deduction.postpaidUsageMinutes().isZero()).isTrue();
    }

    @Test
    void packagesThatDoNotDeductNowAreSkipped() {
        PrepaidPackage pending = boughtGeneral(25_000, NOW.minusSeconds(60));
        PrepaidPackage refundPending =
                general.withRefundHold(new RefundHold.Pending(UUID.randomUUID()));
        PrepaidPackage expired = activeGeneral(25_000, at("2025-02-01T09:00:00"));
        PrepaidPackage exhausted = withRemaining(general, 0);
        PrepaidPackage boughtAfterTheUsageDay = activeGeneral(25_000, at("2026-03-11T09:00:00"));

        Deduction deduction =
                deduct(
                                usage(ResolutionTier.AUDIO, 10, HD_PRICE),
                                pending,
                                refundPending,
                                expired,
                                exhausted,
                                boughtAfterTheUsageDay)
                        .deduction();

        assertThat(deduction.packageDeductions()).isEmpty();
        assertThat(deduction.postpaidUsageMinutes()).isEqualTo(UsageMinutes.of(10));
    }

    @Test
    void zeroUsageTakesNothing() {
        Deductor.Outcome outcome = deduct(usage(ResolutionTier.HD, 0, HD_PRICE), general);

        assertThat(outcome.deduction().packageDeductions()).isEmpty();
        assertThat(outcome.changedPackages()).isEmpty();
        assertThat(outcome.deduction().postpaidAmount().isZero()).isTrue();
    }

    @Test
    void sameKeyWithTheSameMinutesReturnsTheFirstDeductionAndChangesNothing() {
        IntervalUsage usage = usage(ResolutionTier.HD, 3, HD_PRICE);
        Deduction first = deduct(usage, general).deduction();

        Deductor.Outcome again =
                Deductor.deduct(
                        ACCOUNT,
                        usage,
                        Optional.of(first),
                        new AccountPackages(List.of(general)),
                        NOW.plusSeconds(300));

        assertThat(again.replayed()).isTrue();
        assertThat(again.deduction()).isSameAs(first);
        assertThat(again.changedPackages()).isEmpty();
    }

    @Test
    void sameKeyWithOtherMinutesIsAConflict() {
        Deduction first = deduct(usage(ResolutionTier.HD, 3, HD_PRICE), general).deduction();

        assertThatThrownBy(
                        () ->
                                Deductor.deduct(
                                        ACCOUNT,
                                        usage(ResolutionTier.HD, 4, HD_PRICE),
                                        Optional.of(first),
                                        new AccountPackages(List.of(general)),
                                        NOW))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(PackageErrors.DEDUCTION_CONFLICT);
                            assertThat(e.metadata())
                                    .isEqualTo(
                                            Map.of(
                                                    "sdkAppId", "1400000001",
                                                    "billingDay", "2026-03-10",
                                                    "tier", "RESOLUTION_TIER_HD",
                                                    "intervalIndex", "144",
                                                    "recordedUsageMinutes", "3"));
                        });
    }

    @Test
    void intervalIndexAboveTwoHundredNinetyNineIsInvalid() {
        assertRefused(
                () ->
                        new IntervalUsage(
                                new UsageKey(1_400_000_001L, DAY, ResolutionTier.HD, 300),
                                1,
                                HD_PRICE),
                ServiceException.VALIDATION_FAILED);
    }

    static IntervalUsage usage(ResolutionTier tier, long minutes, Money unitPrice) {
        return new IntervalUsage(new UsageKey(1_400_000_001L, DAY, tier, 144), minutes, unitPrice);
    }

    private static Deductor.Outcome deduct(IntervalUsage usage, PrepaidPackage... packages) {
        return Deductor.deduct(
                ACCOUNT, usage, Optional.empty(), new AccountPackages(List.of(packages)), NOW);
    }
}
