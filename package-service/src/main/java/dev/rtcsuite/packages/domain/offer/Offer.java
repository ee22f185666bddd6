package dev.rtcsuite.packages.domain.offer;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.GeneralPackagePricing;
import dev.rtcsuite.packages.domain.prepaid.PackageForSale;
import dev.rtcsuite.packages.domain.prepaid.PackageQuote;
import dev.rtcsuite.packages.domain.prepaid.PackageTerms;
import dev.rtcsuite.platform.error.FieldChecks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An operator's promotion (SPEC P-3): a package of its own size, price and validity, sold inside a
 * sales window to accounts that meet every eligibility rule, e.g. 20,000 minutes for 9.90 CNY for
 * new accounts only. Packages bought under it deduct with the general ratios.
 *
 * @param validityMonths the package is valid through the last day of the month this many months
 *     after the purchase month
 * @param salesEndTime exclusive; empty = open-ended
 * @param refundable whether its packages get the no-reason refund (SPEC P-7)
 */
public record Offer(
        UUID offerId,
        String displayName,
        long minutes,
        Money price,
        int validityMonths,
        Set<OfferEligibilityRule> eligibilityRules,
        Instant salesStartTime,
        Optional<Instant> salesEndTime,
        boolean refundable,
        Instant createTime) {

    public static final long MAX_MINUTES = 100_000_000;
    public static final int MAX_VALIDITY_MONTHS = 36;

    public Offer {
        eligibilityRules = Set.copyOf(eligibilityRules);
    }

    /** A new offer, validated as CreateOffer receives it (field paths under {@code offer.}). */
    public static Offer define(
            String displayName,
            long minutes,
            Money price,
            int validityMonths,
            Set<OfferEligibilityRule> eligibilityRules,
            Instant salesStartTime,
            Optional<Instant> salesEndTime,
            boolean refundable,
            Instant now) {
        new FieldChecks()
                .length(displayName, 1, 128, "offer.display_name")
                .check(
                        minutes >= 1 && minutes <= MAX_MINUTES,
                        "offer.minutes",
                        "must be 1–" + MAX_MINUTES + " minutes, was " + minutes)
                .check(
                        price.currency().equals(Money.CNY)
                                && !price.isNegative()
                                && price.hasAtMostCents(),
                        "offer.price",
                        "must be ≥ 0 CNY with at most 2 decimals, was " + price)
                .check(
                        validityMonths >= 1 && validityMonths <= MAX_VALIDITY_MONTHS,
                        "offer.validity_months",
                        "must be 1–" + MAX_VALIDITY_MONTHS + " months, was " + validityMonths)
                .check(
                        salesEndTime.map(end -> end.isAfter(salesStartTime)).orElse(true),
                        "offer.sales_end_time",
                        "must be after sales_start_time " + salesStartTime)
                .throwIfInvalid();
        return new Offer(
                UUID.randomUUID(),
                displayName.strip(),
                minutes,
                price,
                validityMonths,
                eligibilityRules,
                salesStartTime,
                salesEndTime,
                refundable,
                now);
    }

    public OfferState state(Instant now) {
        if (now.isBefore(salesStartTime)) {
            return OfferState.SCHEDULED;
        }
        boolean ended = salesEndTime.map(end -> !now.isBefore(end)).orElse(false);
        return ended ? OfferState.ENDED : OfferState.ON_SALE;
    }

    /** The rules {@code buyer} fails, in declaration order; empty when eligible. */
    public List<OfferEligibilityRule> failedRules(OfferBuyer buyer) {
        return eligibilityRules.stream().filter(rule -> !holds(rule, buyer)).sorted().toList();
    }

    public PackageQuote quote() {
        return new PackageQuote(
                minutes,
                price,
                GeneralPackagePricing.pricePerThousand(price, minutes),
                GeneralPackagePricing.perMinutePrice(price, minutes),
                GeneralPackagePricing.listPriceOf(minutes),
                Optional.empty());
    }

    /**
     * The package {@code buyer} may buy now; refused with OFFER_NOT_ON_SALE outside the sales
     * window, else with OFFER_NOT_ELIGIBLE naming the first rule the buyer fails.
     */
    public PackageForSale sellTo(OfferBuyer buyer, Instant now) {
        OfferState state = state(now);
        if (state != OfferState.ON_SALE) {
            throw PackageErrors.offerNotOnSale(offerId, state);
        }
        List<OfferEligibilityRule> failed = failedRules(buyer);
        if (!failed.isEmpty()) {
            throw PackageErrors.offerNotEligible(offerId, failed.getFirst());
        }
        return new PackageForSale(
                PackageTerms.offer(offerId, displayName, quote(), refundable), validityMonths);
    }

    private boolean holds(OfferEligibilityRule rule, OfferBuyer buyer) {
        return switch (rule) {
            case NEW_ACCOUNT -> !buyer.boughtAnyPackage();
            case ONCE_PER_ACCOUNT -> !buyer.offersBought().contains(offerId);
            case ENTERPRISE_VERIFIED -> buyer.enterpriseVerified();
        };
    }
}
