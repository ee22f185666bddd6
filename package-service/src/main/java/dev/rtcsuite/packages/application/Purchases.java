package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.config.PackagesConfig;
import dev.rtcsuite.packages.domain.money.FundsChange;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.offer.Offer;
import dev.rtcsuite.packages.domain.offer.OfferBuyer;
import dev.rtcsuite.packages.domain.offer.OfferEligibilityRule;
import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import dev.rtcsuite.packages.domain.prepaid.FreeTrial;
import dev.rtcsuite.packages.domain.prepaid.GeneralPackagePricing;
import dev.rtcsuite.packages.domain.prepaid.LegacyPackageType;
import dev.rtcsuite.packages.domain.prepaid.PackageForSale;
import dev.rtcsuite.packages.domain.prepaid.PackageGrants;
import dev.rtcsuite.packages.domain.prepaid.PackagePurchase;
import dev.rtcsuite.packages.domain.prepaid.PackageQuote;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.prepaid.Validity;
import dev.rtcsuite.packages.domain.standing.StandingEvent;
import dev.rtcsuite.packages.persistence.MoneyRepository;
import dev.rtcsuite.packages.persistence.MoneyRepository.EntryContext;
import dev.rtcsuite.packages.persistence.MoneyRepository.EntryKind;
import dev.rtcsuite.packages.persistence.OfferRepository;
import dev.rtcsuite.packages.persistence.PackageRepository;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.jobs.DurableJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How packages come to an account (SPEC P-2, P-3): the free trial with the first app, purchases
 * (fixed, custom, offer) paid from the balance, operators' gifts and legacy conversions. Each
 * package gets its expiry timer; a purchase also its activation timer.
 */
@ApplicationScoped
@Transactional
public class Purchases {

    public static final String PACKAGE_NOT_FOUND = "PACKAGE_NOT_FOUND";
    public static final String OFFER_NOT_FOUND = "OFFER_NOT_FOUND";

    private final AccountBooks books;
    private final Standings standings;
    private final PackageRepository packages;
    private final OfferRepository offers;
    private final MoneyRepository money;
    private final DurableJobs jobs;
    private final PackagesConfig config;
    private final Clock clock;

    public Purchases(
            AccountBooks books,
            Standings standings,
            PackageRepository packages,
            OfferRepository offers,
            MoneyRepository money,
            DurableJobs jobs,
            PackagesConfig config,
            Clock clock) {
        this.books = books;
        this.standings = standings;
        this.packages = packages;
        this.offers = offers;
        this.money = money;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    /** The price of a package, and with an account and an offer, its eligibility. */
    public record Quote(
            PackageQuote quote, LocalDate lastValidDay, List<OfferEligibilityRule> failedRules) {}

    public Quote quote(String accountId, PackageChoice choice) {
        Instant now = clock.instant();
        Optional<AccountBook> buyer =
                accountId.isEmpty()
                        ? Optional.empty()
                        : Optional.of(books.read(accountId, "account_id"));
        ZoneId zone =
                buyer.map(AccountBook::zone)
                        .orElse(dev.rtcsuite.packages.domain.Account.DEFAULT_BILLING_TIME_ZONE);
        return switch (choice) {
            case PackageChoice.OfferChoice chosen -> {
                Offer offer = offer(chosen.offerId(), "offer_id");
                List<OfferEligibilityRule> failed =
                        buyer.map(b -> offer.failedRules(buyerOf(b))).orElse(List.of());
                yield new Quote(
                        offer.quote(),
                        Validity.months(now, zone, offer.validityMonths()).lastDay(),
                        failed);
            }
            default ->
                    new Quote(
                            quoteOf(choice),
                            Validity.months(now, zone, PackageForSale.GENERAL_VALIDITY_MONTHS)
                                    .lastDay(),
                            List.of());
        };
    }

    /** Buys a package paid from the CNY balance (SPEC P-3); it activates after the delay. */
    public PrepaidPackage purchase(
            String accountId, PackageChoice choice, Money voucher, String requestId) {
        AccountBook book = books.lock(accountId, "account_id");
        Instant now = clock.instant();
        PackageForSale item =
                choice instanceof PackageChoice.OfferChoice chosen
                        ? offer(chosen.offerId(), "offer_id").sellTo(buyerOf(book), now)
                        : forSale(choice);
        PackagePurchase.Purchase purchase =
                PackagePurchase.buy(
                        book.standing(),
                        item,
                        voucher,
                        money.balances(book.accountId()).of(Money.CNY),
                        now,
                        book.zone(),
                        config.activationDelay());
        PrepaidPackage bought = purchase.prepaidPackage();
        packages.insert(bought, now);
        FundsChange payment = purchase.payment();
        money.apply(
                book.accountId(),
                payment,
                EntryContext.of(EntryKind.PACKAGE_PURCHASE)
                        .withPackage(bought.packageId())
                        .withRequest(requestId, ""),
                now);
        jobs.schedule(
                JobKinds.ACTIVATION,
                bought.packageId().toString(),
                JobKinds.NO_PAYLOAD,
                bought.activationTime());
        scheduleExpiry(bought);
        standings.apply(book, new StandingEvent.PackageAvailable(now), "package bought");
        return bought;
    }

    /** An operator's gift (price 0, never refundable), deducting at once. */
    public PrepaidPackage grant(
            String accountId, long minutes, int validityMonths, String displayName, String note) {
        AccountBook book = books.lock(accountId, "account_id");
        book.standing().requireOpenForPurchases();
        Instant now = clock.instant();
        PrepaidPackage gift =
                PackageGrants.gift(
                        book.accountId(),
                        minutes,
                        validityMonths,
                        displayName,
                        note,
                        now,
                        book.zone());
        return storeGranted(book, gift, "package granted");
    }

    /** Converts a legacy package (voice 1:1, SD 1:2, HD 1:4), keeping its last valid day. */
    public PrepaidPackage convertLegacy(
            String accountId,
            LegacyPackageType type,
            long legacyMinutes,
            LocalDate lastValidDay,
            String reference) {
        if (type == null) {
            throw ServiceException.invalid("legacy_type", "required: VOICE, SD or HD");
        }
        AccountBook book = books.lock(accountId, "account_id");
        book.standing().requireOpenForPurchases();
        PrepaidPackage converted =
                PackageGrants.convertLegacy(
                        book.accountId(),
                        type,
                        legacyMinutes,
                        lastValidDay,
                        reference,
                        clock.instant(),
                        book.zone());
        return storeGranted(book, converted, "legacy package converted");
    }

    /**
     * Grants the free trial if this is the account's first app (SPEC P-2); called in the
     * transaction that creates the app, which holds the account's lock.
     */
    public void firstAppCreated(AccountBook book, long appsBefore, Instant now) {
        Optional<PrepaidPackage> trial =
                FreeTrial.grantWithApp(book.accountId(), appsBefore, now, book.zone());
        trial.ifPresent(t -> storeGranted(book, t, "free trial granted"));
    }

    public PrepaidPackage get(String packageId) {
        UUID id = AccountBooks.parse(packageId, "package_id");
        return packages.find(id).orElseThrow(() -> packageNotFound(id));
    }

    /** The account's packages in deduction order. */
    public List<PrepaidPackage> ofAccount(String accountId) {
        AccountBook book = books.read(accountId, "account_id");
        return packages.ofAccount(book.accountId());
    }

    private PrepaidPackage storeGranted(AccountBook book, PrepaidPackage granted, String cause) {
        packages.insert(granted, granted.purchaseTime());
        scheduleExpiry(granted);
        standings.apply(book, new StandingEvent.PackageAvailable(granted.purchaseTime()), cause);
        return granted;
    }

    private void scheduleExpiry(PrepaidPackage p) {
        jobs.schedule(
                JobKinds.EXPIRY,
                p.packageId().toString(),
                JobKinds.NO_PAYLOAD,
                p.validity().expireTime());
    }

    private OfferBuyer buyerOf(AccountBook book) {
        return OfferBuyer.of(
                book.enterpriseVerified(),
                new AccountPackages(packages.ofAccount(book.accountId())));
    }

    private Offer offer(String offerId, String field) {
        UUID id = AccountBooks.parse(offerId, field);
        return offers.find(id)
                .orElseThrow(
                        () ->
                                ServiceException.notFound(
                                        OFFER_NOT_FOUND,
                                        "No offer " + offerId + ".",
                                        Map.of("offerId", offerId)));
    }

    private static PackageQuote quoteOf(PackageChoice choice) {
        return switch (choice) {
            case PackageChoice.Fixed fixed -> {
                if (fixed.size() == null) {
                    throw ServiceException.invalid(
                            "fixed_size", "required: 25K, 250K, 1000K or 3000K");
                }
                yield GeneralPackagePricing.quote(fixed.size());
            }
            case PackageChoice.Custom custom -> GeneralPackagePricing.quoteCustom(custom.minutes());
            case PackageChoice.OfferChoice offer ->
                    throw new IllegalArgumentException("offers are quoted by their offer");
            case PackageChoice.Missing missing -> {
                new FieldChecks()
                        .check(false, "size", "required: fixed_size, custom_minutes or offer_id")
                        .throwIfInvalid();
                yield null;
            }
        };
    }

    private static PackageForSale forSale(PackageChoice choice) {
        return PackageForSale.general(quoteOf(choice));
    }

    static ServiceException packageNotFound(UUID packageId) {
        return ServiceException.notFound(
                PACKAGE_NOT_FOUND,
                "No package " + packageId + ".",
                Map.of("packageId", packageId.toString()));
    }
}
