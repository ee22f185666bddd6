package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.offer.Offer;
import dev.rtcsuite.packages.domain.offer.OfferBuyer;
import dev.rtcsuite.packages.domain.offer.OfferEligibilityRule;
import dev.rtcsuite.packages.domain.offer.OfferState;
import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import dev.rtcsuite.packages.persistence.OfferRepository;
import dev.rtcsuite.packages.persistence.PackageRepository;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Operators' package offers (SPEC P-3). */
@ApplicationScoped
@Transactional
public class Offers {

    private final OfferRepository offers;
    private final PackageRepository packages;
    private final AccountBooks books;
    private final Clock clock;

    public Offers(
            OfferRepository offers, PackageRepository packages, AccountBooks books, Clock clock) {
        this.offers = offers;
        this.packages = packages;
        this.books = books;
        this.clock = clock;
    }

    /**
     * @param price empty when missing or malformed
     * @param rules null entries stand for UNSPECIFIED or unknown rules, which are refused
     */
    public Offer create(
            String displayName,
            long minutes,
            Optional<Money> price,
            int validityMonths,
            List<OfferEligibilityRule> rules,
            Optional<Instant> salesStart,
            Optional<Instant> salesEnd,
            boolean refundable) {
        new FieldChecks()
                .check(price.isPresent(), "offer.price", "required: ≥ 0 CNY, at most 2 decimals")
                .check(salesStart.isPresent(), "offer.sales_start_time", "required")
                .check(
                        !rules.contains(null),
                        "offer.eligibility_rules",
                        "must be NEW_ACCOUNT, ONCE_PER_ACCOUNT or ENTERPRISE_VERIFIED")
                .throwIfInvalid();
        Offer offer =
                Offer.define(
                        displayName,
                        minutes,
                        price.get(),
                        validityMonths,
                        Set.copyOf(rules),
                        salesStart.get(),
                        salesEnd,
                        refundable,
                        clock.instant());
        offers.insert(offer);
        return offer;
    }

    public Offer get(String offerId) {
        UUID id = AccountBooks.parse(offerId, "offer_id");
        return offers.find(id)
                .orElseThrow(
                        () ->
                                ServiceException.notFound(
                                        Purchases.OFFER_NOT_FOUND,
                                        "No offer " + offerId + ".",
                                        Map.of("offerId", offerId)));
    }

    /**
     * @param state empty = all
     * @param eligibleAccountId empty = anyone; else only offers that account may buy now
     */
    public List<Offer> list(Optional<OfferState> state, String eligibleAccountId) {
        Instant now = clock.instant();
        Optional<OfferBuyer> buyer =
                eligibleAccountId.isEmpty()
                        ? Optional.empty()
                        : Optional.of(books.read(eligibleAccountId, "eligible_account_id"))
                                .map(
                                        b ->
                                                OfferBuyer.of(
                                                        b.enterpriseVerified(),
                                                        new AccountPackages(
                                                                packages.ofAccount(
                                                                        b.accountId()))));
        return offers.all().stream()
                .filter(o -> state.map(s -> o.state(now) == s).orElse(true))
                .filter(
                        o ->
                                buyer.map(
                                                b ->
                                                        o.state(now) == OfferState.ON_SALE
                                                                && o.failedRules(b).isEmpty())
                                        .orElse(true))
                .toList();
    }
}
