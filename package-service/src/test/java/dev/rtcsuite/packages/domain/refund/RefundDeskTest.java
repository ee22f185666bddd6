package dev.rtcsuite.packages.domain.refund;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.ZONE;
import static dev.rtcsuite.packages.domain.PackageFixtures.assertRefused;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static dev.rtcsuite.packages.domain.PackageFixtures.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.money.Funds;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.money.PaymentBreakdown;
import dev.rtcsuite.packages.domain.offer.Offer;
import dev.rtcsuite.packages.domain.offer.OfferBuyer;
import dev.rtcsuite.packages.domain.prepaid.FixedPackageSize;
import dev.rtcsuite.packages.domain.prepaid.GeneralPackagePricing;
import dev.rtcsuite.packages.domain.prepaid.LegacyPackageType;
import dev.rtcsuite.packages.domain.prepaid.PackageForSale;
import dev.rtcsuite.packages.domain.prepaid.PackageGrants;
import dev.rtcsuite.packages.domain.prepaid.PackagePurchase;
import dev.rtcsuite.packages.domain.prepaid.PackageState;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.prepaid.RefundHold;
import dev.rtcsuite.packages.domain.standing.ServiceStanding;
import dev.rtcsuite.packages.domain.standing.StandingEvent.ViolationFound;
import dev.rtcsuite.packages.domain.standing.StandingMachine;
import dev.rtcsuite.platform.error.ErrorKind;
import dev.rtcsuite.platform.error.ServiceException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC P-7: the 5-day no-reason refund of unused bought packages. */
class RefundDeskTest {

    private static final Instant BOUGHT = at("2022-02-01T08:00:00");
    private static final Instant LAST_MOMENT = at("2022-02-06T07:59:59");
    private static final Instant TOO_LATE = at("2022-02-06T08:00:00");

    private final ServiceStanding owner = ServiceStanding.opened(ACCOUNT);
    private final Funds funds =
            new Funds(Money.cny("1000.00"), Money.cny("50.00"), Money.cny("10.00"));
    private final PrepaidPackage bought =
            buy(
                    PackageForSale.general(GeneralPackagePricing.quote(FixedPackageSize.SIZE_25K)),
                    "8.00");

    @Test
    void unusedPackageMayBeRefundedUntilTheLastSecondOfTheFifthDay() {
        RefundDesk.Requested requested = request(bought, LAST_MOMENT);

        assertThat(requested.refund().state()).isEqualTo(RefundState.PENDING_REVIEW);
        assertThat(requested.refund().requestTime()).isEqualTo(LAST_MOMENT);
        assertThat(requested.heldPackage().state(LAST_MOMENT))
                .isEqualTo(PackageState.REFUND_PENDING);
        assertThat(requested.heldPackage().deductsFor(LocalDate.of(2022, 2, 6), LAST_MOMENT))
                .isFalse();
        assertThat(RefundRules.deadline(bought)).contains(TOO_LATE);
    }

    @Test
    void requestAtFiveDaysToTheSecondIsTooLate() {
        assertThatThrownBy(() -> request(bought, TOO_LATE))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(PackageErrors.REFUND_WINDOW_EXPIRED);
                            assertThat(e.metadata())
                                    .isEqualTo(
                                            Map.of(
                                                    "packageId",
                                                    bought.packageId().toString(),
                                                    "refundDeadlineTime",
                                                    "2022-02-06T00:00:00Z"));
                        });
    }

    @Test
    void packageUsedEvenByOneMinuteIsNotRefundable() {
        PrepaidPackage used = bought.activate(bought.activationTime()).consume(4);

        assertThatThrownBy(() -> request(used, LAST_MOMENT))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(PackageErrors.PACKAGE_ALREADY_USED);
                            assertThat(e.metadata()).containsEntry("usedMinutes", "4");
                        });
    }

    @Test
    void packageStillWaitingForActivationMayBeRefunded() {
        assertThat(bought.state(BOUGHT)).isEqualTo(PackageState.PENDING_ACTIVATION);
        assertThat(request(bought, BOUGHT.plusSeconds(60)).refund().state())
                .isEqualTo(RefundState.PENDING_REVIEW);
    }

    @Test
    void trialGiftsConversionsAndNonRefundableOffersAreNeverRefundable() {
        assertNotRefundable(trial(BOUGHT), "PACKAGE_KIND_FREE_TRIAL");
        assertNotRefundable(
                PackageGrants.gift(ACCOUNT, 1_000, 0, "", "prize", BOUGHT, ZONE),
                "PACKAGE_KIND_GIFT");
        assertNotRefundable(
                PackageGrants.convertLegacy(
                        ACCOUNT,
                        LegacyPackageType.HD,
                        1_000,
                        LocalDate.of(2022, 12, 31),
                        "LEG-9",
                        BOUGHT,
                        ZONE),
                "PACKAGE_KIND_CONVERTED");
        assertNotRefundable(
                buy(offer(false).sellTo(newcomer(), BOUGHT), "0"), "PACKAGE_KIND_OFFER");
        assertThat(RefundRules.deadline(trial(BOUGHT))).isEmpty();
    }

    @Test
    void offerFlaggedRefundableFollowsTheGeneralRules() {
        PrepaidPackage offerPackage = buy(offer(true).sellTo(newcomer(), BOUGHT), "0");

        assertThat(request(offerPackage, LAST_MOMENT).refund().amount())
                .isEqualTo(Money.cny("9.90"));
    }

    @Test
    void violationSuspendedAccountsGetNoRefund() {
        assertRefused(
                () -> RefundDesk.request(bought, suspendedForViolation(), "", LAST_MOMENT, ZONE),
                PackageErrors.ACCOUNT_SUSPENDED_FOR_VIOLATION);
    }

    @Test
    void secondRequestWhileOneIsUnderReviewAlreadyExists() {
        RefundDesk.Requested first = request(bought, BOUGHT.plusSeconds(3600));

        assertThatThrownBy(() -> request(first.heldPackage(), BOUGHT.plusSeconds(7200)))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
                            assertThat(e.reason()).isEqualTo(PackageErrors.REFUND_ALREADY_PENDING);
                            assertThat(e.metadata())
                                    .containsEntry(
                                            "refundId", first.refund().refundId().toString());
                        });
    }

    @Test
    void approvalReturnsEveryFundItsPartButNotTheVoucherAndEndsThePackage() {
        // 168.00 = voucher 8.00 + gift 10.00 + income transfer 50.00 + cash 100.00
        assertThat(bought.payment())
                .isEqualTo(
                        new PaymentBreakdown(
                                Money.cny("100.00"),
                                Money.cny("50.00"),
                                Money.cny("10.00"),
                                Money.cny("8.00")));
        RefundDesk.Requested requested = request(bought, LAST_MOMENT);
        Funds afterPurchase = new Funds(Money.cny("900.00"), Money.cny("0"), Money.cny("0"));
        Instant afterTheWindow = at("2022-02-08T10:00:00");

        RefundDesk.Approved approved =
                RefundDesk.approve(
                        requested.refund(),
                        requested.heldPackage(),
                        owner,
                        afterPurchase,
                        "ops@rtcsuite",
                        afterTheWindow);

        assertThat(approved.refund().state()).isEqualTo(RefundState.APPROVED);
        assertThat(approved.refund().amount()).isEqualTo(Money.cny("160.00"));
        assertThat(approved.refund().breakdown().voucher()).isEqualTo(Money.cny("0"));
        assertThat(approved.refund().decideTime()).contains(afterTheWindow);
        assertThat(approved.refund().reviewer()).isEqualTo("ops@rtcsuite");
        assertThat(approved.credit().after()).isEqualTo(funds);
        assertThat(approved.refundedPackage().state(afterTheWindow))
                .isEqualTo(PackageState.REFUNDED);
        assertThat(approved.refundedPackage().deductsFor(LocalDate.of(2022, 2, 8), afterTheWindow))
                .isFalse();
    }

    @Test
    void approvalIsRefusedOnceTheAccountIsSuspendedForViolation() {
        RefundDesk.Requested requested = request(bought, LAST_MOMENT);

        assertRefused(
                () ->
                        RefundDesk.approve(
                                requested.refund(),
                                requested.heldPackage(),
                                suspendedForViolation(),
                                funds,
                                "ops",
                                at("2022-02-07T10:00:00")),
                PackageErrors.ACCOUNT_SUSPENDED_FOR_VIOLATION);
    }

    @Test
    void rejectionKeepsTheMoneyAndThePackageDeductsAgain() {
        RefundDesk.Requested requested = request(bought, LAST_MOMENT);
        Instant decided = at("2022-02-07T10:00:00");

        RefundDesk.Rejected rejected =
                RefundDesk.reject(
                        requested.refund(),
                        requested.heldPackage(),
                        "ops",
                        "suspected abuse",
                        decided);

        assertThat(rejected.refund().state()).isEqualTo(RefundState.REJECTED);
        assertThat(rejected.refund().rejectionReason()).isEqualTo("suspected abuse");
        assertThat(rejected.releasedPackage().refundHold()).isEqualTo(RefundHold.NONE);
        PrepaidPackage active = rejected.releasedPackage().activate(decided);
        assertThat(active.deductsFor(LocalDate.of(2022, 2, 7), decided)).isTrue();
    }

    @Test
    void decidedRefundCannotBeDecidedAgainNorThePackageRefundedTwice() {
        RefundDesk.Requested requested = request(bought, LAST_MOMENT);
        RefundDesk.Approved approved =
                RefundDesk.approve(
                        requested.refund(),
                        requested.heldPackage(),
                        owner,
                        funds,
                        "ops",
                        LAST_MOMENT);

        assertThatThrownBy(
                        () ->
                                RefundDesk.reject(
                                        approved.refund(),
                                        approved.refundedPackage(),
                                        "ops",
                                        "changed my mind",
                                        LAST_MOMENT))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(PackageErrors.REFUND_ALREADY_DECIDED);
                            assertThat(e.metadata())
                                    .containsEntry("refundState", "REFUND_STATE_APPROVED");
                        });
        assertRefused(
                () -> request(approved.refundedPackage(), LAST_MOMENT),
                PackageErrors.PACKAGE_NOT_REFUNDABLE);
    }

    @Test
    void reviewIsDueTwoWorkingDaysAfterTheRequest() {
        // 2022-02-06 is a Sunday: Monday and Tuesday are the two working days.
        assertThat(request(bought, LAST_MOMENT).refund().reviewDeadlineTime())
                .isEqualTo(at("2022-02-08T07:59:59"));
        // Friday 2022-02-04 10:00 → Tuesday 2022-02-08 10:00
        assertThat(request(bought, at("2022-02-04T10:00:00")).refund().reviewDeadlineTime())
                .isEqualTo(at("2022-02-08T10:00:00"));
    }

    @Test
    void refundableFlagReflectsEveryCondition() {
        assertThat(RefundRules.isRefundable(bought, owner, LAST_MOMENT)).isTrue();
        assertThat(RefundRules.isRefundable(bought, owner, TOO_LATE)).isFalse();
        assertThat(
                        RefundRules.isRefundable(
                                request(bought, LAST_MOMENT).heldPackage(), owner, LAST_MOMENT))
                .isFalse();
        assertThat(RefundRules.isRefundable(bought, suspendedForViolation(), LAST_MOMENT))
                .isFalse();
    }

    private RefundDesk.Requested request(PrepaidPackage candidate, Instant now) {
        return RefundDesk.request(candidate, owner, "", now, ZONE);
    }

    private void assertNotRefundable(PrepaidPackage candidate, String kind) {
        assertThatThrownBy(() -> request(candidate, BOUGHT.plusSeconds(60)))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(PackageErrors.PACKAGE_NOT_REFUNDABLE);
                            assertThat(e.metadata()).containsEntry("packageKind", kind);
                        });
    }

    private PrepaidPackage buy(PackageForSale item, String voucher) {
        return PackagePurchase.buy(
                        owner,
                        item,
                        Money.cny(voucher),
                        funds,
                        BOUGHT,
                        ZONE,
                        PackagePurchase.DEFAULT_ACTIVATION_DELAY)
                .prepaidPackage();
    }

    private ServiceStanding suspendedForViolation() {
        return StandingMachine.apply(owner, new ViolationFound(BOUGHT, "illegal content")).after();
    }

    private static Offer offer(boolean refundable) {
        return Offer.define(
                "20,000 minutes for 9.90",
                20_000,
                Money.cny("9.90"),
                3,
                Set.of(),
                at("2022-01-01T00:00:00"),
                Optional.empty(),
                refundable,
                at("2022-01-01T00:00:00"));
    }

    private static OfferBuyer newcomer() {
        return new OfferBuyer(false, false, Set.of());
    }
}
