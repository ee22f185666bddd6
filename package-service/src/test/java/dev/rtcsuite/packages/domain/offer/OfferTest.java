package dev.rtcsuite.packages.domain.offer;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.ZONE;
import static dev.rtcsuite.packages.domain.PackageFixtures.activeGeneral;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static dev.rtcsuite.packages.domain.PackageFixtures.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import dev.rtcsuite.packages.domain.prepaid.PackageForSale;
import dev.rtcsuite.packages.domain.prepaid.PackageGrants;
import dev.rtcsuite.packages.domain.prepaid.PackageKind;
import dev.rtcsuite.packages.domain.prepaid.PackageQuote;
import dev.rtcsuite.platform.error.FieldViolation;
import dev.rtcsuite.platform.error.ServiceException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC P-3: offers and their eligibility. */
class OfferTest {

    private static final Instant START = at("2026-06-01T00:00:00");
    private static final Instant END = at("2026-07-01T00:00:00");
    private static final Instant DURING = at("2026-06-15T12:00:00");

    private final OfferBuyer newcomer = new OfferBuyer(false, false, Set.of());

    @Test
    void twentyThousandMinutesForNineNinetyIsPricedFromItsOwnPrice() {
        PackageQuote quote = firstPurchaseOffer().quote();

        assertThat(quote.minutes()).isEqualTo(20_000);
        assertThat(quote.price()).isEqualTo(Money.cny("9.90"));
        assertThat(quote.perMinutePrice()).isEqualTo(Money.cny("0.000495"));
        assertThat(quote.pricePerThousandMinutes()).isEqualTo(Money.cny("0.495"));
        assertThat(quote.listPrice()).isEqualTo(Money.cny("140.00"));
    }

    @Test
    void isOnSaleOnlyInsideItsWindowEndExclusive() {
        Offer offer = firstPurchaseOffer();

        assertThat(offer.state(START.minusSeconds(1))).isEqualTo(OfferState.SCHEDULED);
        assertThat(offer.state(START)).isEqualTo(OfferState.ON_SALE);
        assertThat(offer.state(END.minusSeconds(1))).isEqualTo(OfferState.ON_SALE);
        assertThat(offer.state(END)).isEqualTo(OfferState.ENDED);
    }

    @Test
    void saleOutsideTheWindowIsRefusedWithTheOfferState() {
        assertThatThrownBy(() -> firstPurchaseOffer().sellTo(newcomer, END))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(PackageErrors.OFFER_NOT_ON_SALE);
                            assertThat(e.metadata())
                                    .containsEntry("offerState", "OFFER_STATE_ENDED");
                        });
    }

    @Test
    void eligibleBuyerGetsAnOfferPackageWithTheOffersTerms() {
        Offer offer = firstPurchaseOffer();

        PackageForSale item = offer.sellTo(newcomer, DURING);

        assertThat(item.terms().kind()).isEqualTo(PackageKind.OFFER);
        assertThat(item.terms().minutes()).isEqualTo(20_000);
        assertThat(item.terms().price()).isEqualTo(Money.cny("9.90"));
        assertThat(item.terms().offerId()).contains(offer.offerId());
        assertThat(item.terms().refundable()).isFalse();
        assertThat(item.validityMonths()).isEqualTo(3);
    }

    @Test
    void newAccountRuleFailsOnceAPackageWasBoughtButNotForTrialOrGifts() {
        Offer offer = firstPurchaseOffer();
        AccountPackages trialAndGift =
                new AccountPackages(
                        List.of(
                                trial(at("2026-01-01T10:00:00")),
                                PackageGrants.gift(ACCOUNT, 100, 0, "", "prize", DURING, ZONE)));
        AccountPackages bought =
                new AccountPackages(List.of(activeGeneral(25_000, at("2026-02-01T10:00:00"))));

        assertThat(offer.failedRules(OfferBuyer.of(false, trialAndGift))).isEmpty();
        assertThat(offer.failedRules(OfferBuyer.of(false, bought)))
                .containsExactly(OfferEligibilityRule.NEW_ACCOUNT);
        assertNotEligible(
                offer, OfferBuyer.of(false, bought), "OFFER_ELIGIBILITY_RULE_NEW_ACCOUNT");
    }

    @Test
    void oncePerAccountRuleFailsForABuyerOfThisOfferOnly() {
        Offer offer = offer(EnumSet.of(OfferEligibilityRule.ONCE_PER_ACCOUNT));

        assertThat(offer.failedRules(new OfferBuyer(false, true, Set.of(UUID.randomUUID()))))
                .isEmpty();
        assertNotEligible(
                offer,
                new OfferBuyer(false, true, Set.of(offer.offerId())),
                "OFFER_ELIGIBILITY_RULE_ONCE_PER_ACCOUNT");
    }

    @Test
    void enterpriseRuleFailsForUnverifiedAccounts() {
        Offer offer = offer(EnumSet.of(OfferEligibilityRule.ENTERPRISE_VERIFIED));

        assertThat(offer.failedRules(new OfferBuyer(true, false, Set.of()))).isEmpty();
        assertNotEligible(offer, newcomer, "OFFER_ELIGIBILITY_RULE_ENTERPRISE_VERIFIED");
    }

    @Test
    void refusalNamesTheFirstFailedRuleAndQuotesListThemAll() {
        Offer offer = offer(EnumSet.allOf(OfferEligibilityRule.class));
        OfferBuyer everythingWrong = new OfferBuyer(false, true, Set.of(offer.offerId()));

        assertThat(offer.failedRules(everythingWrong))
                .containsExactly(
                        OfferEligibilityRule.NEW_ACCOUNT,
                        OfferEligibilityRule.ONCE_PER_ACCOUNT,
                        OfferEligibilityRule.ENTERPRISE_VERIFIED);
        assertNotEligible(offer, everythingWrong, "OFFER_ELIGIBILITY_RULE_NEW_ACCOUNT");
    }

    @Test
    void definitionNamesEveryBadField() {
        assertThatThrownBy(
                        () ->
                                Offer.define(
                                        "",
                                        0,
                                        Money.cny("-1"),
                                        37,
                                        Set.of(),
                                        START,
                                        Optional.of(START),
                                        false,
                                        START))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e ->
                                assertThat(e.violations())
                                        .extracting(FieldViolation::field)
                                        .containsExactly(
                                                "offer.display_name",
                                                "offer.minutes",
                                                "offer.price",
                                                "offer.validity_months",
                                                "offer.sales_end_time"));
    }

    @Test
    void refundableOfferSellsRefundablePackages() {
        Offer refundable =
                Offer.define(
                        "Spring sale",
                        50_000,
                        Money.cny("300.00"),
                        12,
                        Set.of(),
                        START,
                        Optional.empty(),
                        true,
                        START);

        assertThat(refundable.sellTo(newcomer, DURING).terms().refundable()).isTrue();
        assertThat(refundable.state(at("2030-01-01T00:00:00"))).isEqualTo(OfferState.ON_SALE);
    }

    private static void assertNotEligible(Offer offer, OfferBuyer buyer, String rule) {
        assertThatThrownBy(() -> offer.sellTo(buyer, DURING))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(PackageErrors.OFFER_NOT_ELIGIBLE);
                            assertThat(e.metadata())
                                    .isEqualTo(
                                            Map.of(
                                                    "offerId",
                                                    offer.offerId().toString(),
                                                    "rule",
                                                    rule));
                        });
    }

    private static Offer firstPurchaseOffer() {
        return Offer.define(
                "20,000 minutes for 9.90, first purchase only",
                20_000,
                Money.cny("9.90"),
                3,
                Set.of(OfferEligibilityRule.NEW_ACCOUNT),
                START,
                Optional.of(END),
                false,
                START);
    }

    private static Offer offer(Set<OfferEligibilityRule> rules) {
        return Offer.define(
                "Offer",
                10_000,
                Money.cny("50.00"),
                12,
                rules,
                START,
                Optional.of(END),
                false,
                START);
    }
}
