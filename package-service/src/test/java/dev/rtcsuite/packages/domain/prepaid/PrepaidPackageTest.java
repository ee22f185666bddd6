package dev.rtcsuite.packages.domain.prepaid;

import static dev.rtcsuite.packages.domain.PackageFixtures.activeGeneral;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static dev.rtcsuite.packages.domain.PackageFixtures.boughtGeneral;
import static dev.rtcsuite.packages.domain.PackageFixtures.trial;
import static dev.rtcsuite.packages.domain.PackageFixtures.withRemaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC P-3, P-7: package lifecycle and burn-down order. */
class PrepaidPackageTest {

    private final Instant bought = at("2026-03-10T09:00:00");

    @Test
    void boughtPackageWaitsForActivationAfterTheFiveMinuteDelay() {
        PrepaidPackage pending = boughtGeneral(25_000, bought);

        assertThat(pending.activationTime()).isEqualTo(at("2026-03-10T09:05:00"));
        assertThat(pending.state(bought)).isEqualTo(PackageState.PENDING_ACTIVATION);
        assertThat(pending.isDueForActivation(at("2026-03-10T09:04:59"))).isFalse();
        assertThat(pending.isDueForActivation(at("2026-03-10T09:05:00"))).isTrue();
        assertThat(pending.deductsFor(LocalDate.of(2026, 3, 10), at("2026-03-10T09:06:00")))
                .isFalse();
        assertThatThrownBy(() -> pending.activate(bought))
                .isInstanceOf(IllegalStateException.class);
        assertThat(pending.activate(at("2026-03-10T09:05:00")).state(bought.plusSeconds(300)))
                .isEqualTo(PackageState.ACTIVE);
    }

    @Test
    void exhaustedAtZeroAndExpiredAtTheEndOfItsLastDay() {
        PrepaidPackage active = activeGeneral(25_000, bought);

        assertThat(withRemaining(active, 0).state(bought.plusSeconds(600)))
                .isEqualTo(PackageState.EXHAUSTED);
        assertThat(active.state(at("2027-03-31T23:59:59"))).isEqualTo(PackageState.ACTIVE);
        assertThat(active.state(at("2027-04-01T00:00:00"))).isEqualTo(PackageState.EXPIRED);
    }

    @Test
    void refundHoldStopsDeductingAndReleasingItResumes() {
        PrepaidPackage active = activeGeneral(25_000, bought);
        Instant later = bought.plusSeconds(3600);
        UUID refundId = UUID.randomUUID();

        PrepaidPackage held = active.withRefundHold(new RefundHold.Pending(refundId));
        PrepaidPackage refunded = active.withRefundHold(new RefundHold.Refunded(refundId));

        assertThat(held.state(later)).isEqualTo(PackageState.REFUND_PENDING);
        assertThat(held.deductsFor(LocalDate.of(2026, 3, 10), later)).isFalse();
        assertThat(held.withRefundHold(RefundHold.NONE).state(later))
                .isEqualTo(PackageState.ACTIVE);
        assertThat(refunded.state(later)).isEqualTo(PackageState.REFUNDED);
    }

    @Test
    void neverDeductsUsageOfDaysBeforeItsPurchaseDay() {
        PrepaidPackage active = activeGeneral(25_000, bought);
        Instant now = at("2026-03-11T00:02:00");

        assertThat(active.deductsFor(LocalDate.of(2026, 3, 9), now)).isFalse();
        assertThat(active.deductsFor(LocalDate.of(2026, 3, 10), now)).isTrue();
    }

    @Test
    void consumingMoreThanWhatIsLeftIsRefused() {
        PrepaidPackage almostEmpty = withRemaining(activeGeneral(25_000, bought), 3);

        assertThatThrownBy(() -> almostEmpty.consume(4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(almostEmpty.consume(3).remainingMinutes()).isZero();
    }

    @Test
    void burnDownOrderIsEarliestExpiryThenPurchaseTimeThenId() {
        // The trial granted in 2026-01 expires 2027-01-31; packages bought in March expire
        // 2027-03-31.
        PrepaidPackage trial = trial(at("2026-01-05T10:00:00"));
        PrepaidPackage marchLate = activeGeneral(25_000, at("2026-03-20T10:00:00"));
        PrepaidPackage marchEarly = activeGeneral(25_000, at("2026-03-02T10:00:00"));
        PrepaidPackage februaryBoughtLater = activeGeneral(25_000, at("2026-02-27T10:00:00"));

        List<PrepaidPackage> ordered =
                List.of(marchLate, februaryBoughtLater, marchEarly, trial).stream()
                        .sorted(PrepaidPackage.BURN_DOWN_ORDER)
                        .toList();

        assertThat(ordered).containsExactly(trial, februaryBoughtLater, marchEarly, marchLate);
    }
}
