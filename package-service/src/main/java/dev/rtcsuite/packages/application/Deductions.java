package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.App;
import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.deduction.Deductor;
import dev.rtcsuite.packages.domain.deduction.IntervalUsage;
import dev.rtcsuite.packages.domain.deduction.UsageKey;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import dev.rtcsuite.packages.persistence.AppRepository;
import dev.rtcsuite.packages.persistence.DeductionRepository;
import dev.rtcsuite.packages.persistence.PackageRepository;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real-time deduction of base-service interval minutes (SPEC P-4). Idempotent per usage key: a
 * repeat finds the recorded deduction before taking any lock. A new one locks the account, then its
 * deducting packages in package_id order, so concurrent deductions of one account serialize and no
 * package ever goes below zero.
 */
@ApplicationScoped
@Transactional
public class Deductions {

    private static final int MAX_PRICE_BOOK_VERSION = 64;

    private final AccountBooks books;
    private final Standings standings;
    private final Settlements settlements;
    private final AppRepository apps;
    private final PackageRepository packages;
    private final DeductionRepository deductions;
    private final Clock clock;

    /** An app's account never changes (proto: immutable), so it is remembered. */
    private final Map<Long, UUID> accountOfApp = new ConcurrentHashMap<>();

    /** The last billing day whose settlement this replica armed, per account. */
    private final Map<UUID, LocalDate> settlementArmed = new ConcurrentHashMap<>();

    public Deductions(
            AccountBooks books,
            Standings standings,
            Settlements settlements,
            AppRepository apps,
            PackageRepository packages,
            DeductionRepository deductions,
            Clock clock) {
        this.books = books;
        this.standings = standings;
        this.settlements = settlements;
        this.apps = apps;
        this.packages = packages;
        this.deductions = deductions;
        this.clock = clock;
    }

    /**
     * Deducts one interval; {@code tier} null and {@code baseService} false are refused as
     * INVALID_ARGUMENT with the other field violations.
     */
    public Deduction deduct(
            long sdkAppId,
            Optional<LocalDate> billingDay,
            boolean baseService,
            ResolutionTier tier,
            int intervalIndex,
            long usageMinutes,
            Optional<Money> unitPrice,
            String priceBookVersion) {
        FieldChecks checks =
                new FieldChecks()
                        .check(sdkAppId > 0, "sdk_app_id", "required: a positive SdkAppId")
                        .check(billingDay.isPresent(), "billing_day", "required: a valid date")
                        .check(
                                baseService,
                                "item",
                                "must be BILLABLE_ITEM_BASE_SERVICE (other items are postpaid"
                                        + " only)")
                        .check(tier != null, "tier", "required: AUDIO, SD, HD, FHD, QHD or UHD")
                        .check(
                                unitPrice.isPresent(),
                                "unit_price",
                                "required: a per-minute price ≥ 0 with at most 8 decimals")
                        .length(priceBookVersion, 1, MAX_PRICE_BOOK_VERSION, "price_book_version");
        if (!checks.isValid()) {
            // IntervalUsage checks the remaining fields; report them all at once.
            checkUsage(intervalIndex, usageMinutes, unitPrice, checks);
            checks.throwIfInvalid();
        }
        IntervalUsage usage =
                new IntervalUsage(
                        new UsageKey(sdkAppId, billingDay.get(), tier, intervalIndex),
                        usageMinutes,
                        unitPrice.get());
        UUID accountId = accountOf(sdkAppId);
        Optional<Deduction> recorded = deductions.findInterval(usage.key());
        if (recorded.isPresent()) {
            return Deductor.deduct(
                            accountId,
                            usage,
                            recorded,
                            new AccountPackages(List.of()),
                            clock.instant())
                    .deduction();
        }
        AccountBook book = books.lock(accountId);
        Instant now = clock.instant();
        // Another call may have recorded it while this one waited for the lock.
        recorded = deductions.findInterval(usage.key());
        List<PrepaidPackage> deducting =
                recorded.isPresent()
                        ? List.of()
                        : packages.lockDeducting(accountId, usage.key().billingDay(), now);
        Deductor.Outcome outcome =
                Deductor.deduct(accountId, usage, recorded, new AccountPackages(deducting), now);
        if (outcome.replayed()) {
            return outcome.deduction();
        }
        deductions.insert(outcome.deduction(), priceBookVersion);
        packages.updateRemaining(outcome.changedPackages(), now);
        armSettlement(book, usage.key().billingDay());
        boolean ranDry =
                outcome.deduction().postpaidUsageMinutes().isPositive()
                        || outcome.changedPackages().stream()
                                .anyMatch(p -> p.remainingMinutes() == 0);
        if (ranDry) {
            standings.checkRunOut(book, now);
        }
        return outcome.deduction();
    }

    /**
     * A day with usage gets settled the next day (SPEC P-5): its job is armed by the first
     * deduction of the day (scheduling is idempotent; the map only saves the statement).
     */
    private void armSettlement(AccountBook book, LocalDate billingDay) {
        if (!billingDay.equals(settlementArmed.get(book.accountId()))) {
            settlements.scheduleDay(book, billingDay);
            settlementArmed.put(book.accountId(), billingDay);
        }
    }

    private static void checkUsage(
            int intervalIndex, long usageMinutes, Optional<Money> unitPrice, FieldChecks checks) {
        try {
            new IntervalUsage(
                    new UsageKey(1, LocalDate.EPOCH, ResolutionTier.AUDIO, intervalIndex),
                    usageMinutes,
                    unitPrice.orElse(Money.zero(Money.CNY)));
        } catch (ServiceException invalid) {
            invalid.violations().forEach(v -> checks.check(false, v.field(), v.description()));
        }
    }

    private UUID accountOf(long sdkAppId) {
        UUID known = accountOfApp.get(sdkAppId);
        if (known != null) {
            return known;
        }
        UUID accountId =
                apps.find(sdkAppId)
                        .map(App::accountId)
                        .orElseThrow(
                                () ->
                                        ServiceException.notFound(
                                                AccountRegistry.APP_NOT_FOUND,
                                                "No app with SdkAppId " + sdkAppId + ".",
                                                Map.of("sdkAppId", Long.toString(sdkAppId))));
        accountOfApp.put(sdkAppId, accountId);
        return accountId;
    }
}
