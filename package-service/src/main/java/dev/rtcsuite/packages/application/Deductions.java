package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.config.PackagesConfig;
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
import dev.rtcsuite.platform.idempotency.RequestIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real-time deduction of base-service interval minutes (SPEC P-4). Idempotent per usage key: a
 * repeat returns the recorded deduction, other minutes are a conflict. Deductions lock the account,
 * then its usable packages in package_id order, so concurrent deductions of one account serialize
 * (across replicas too) and no package ever goes below zero; within a replica, the deductions that
 * wait meanwhile, of any accounts, are applied together in one transaction.
 */
@ApplicationScoped
public class Deductions {

    private static final int MAX_PRICE_BOOK_VERSION = 64;

    /** The most intervals of one BatchDeductUsage call. */
    public static final int MAX_BATCH = DeductionBatches.MAX_BATCH;

    private final AccountBooks books;
    private final Standings standings;
    private final SettlementJobs settlementJobs;
    private final AppRepository apps;
    private final PackageRepository packages;
    private final DeductionRepository deductions;
    private final Clock clock;
    private final DeductionBatches batches;

    /** An app's account never changes (proto: immutable), so it is remembered. */
    private final Map<Long, UUID> accountOfApp = new ConcurrentHashMap<>();

    /** The last billing day whose settlement this replica armed and committed, per account. */
    private final Map<UUID, LocalDate> settlementArmed = new ConcurrentHashMap<>();

    public Deductions(
            AccountBooks books,
            Standings standings,
            SettlementJobs settlementJobs,
            AppRepository apps,
            PackageRepository packages,
            DeductionRepository deductions,
            PackagesConfig config,
            Clock clock) {
        this.batches = new DeductionBatches(config.deductionLanes(), this::applyBatchInTransaction);
        this.books = books;
        this.standings = standings;
        this.settlementJobs = settlementJobs;
        this.apps = apps;
        this.packages = packages;
        this.deductions = deductions;
        this.clock = clock;
    }

    /**
     * One interval to deduct, as a DeductUsage request asks for it; {@code tier} null and {@code
     * baseService} false are refused as INVALID_ARGUMENT with the other field violations.
     */
    public record IntervalRequest(
            String requestId,
            long sdkAppId,
            Optional<LocalDate> billingDay,
            boolean baseService,
            ResolutionTier tier,
            int intervalIndex,
            long usageMinutes,
            Optional<Money> unitPrice,
            String priceBookVersion) {}

    /** What became of one interval of a batch: its deduction, or the error refusing it. */
    public record Outcome(Deduction deduction, ServiceException refusal) {}

    /** Deducts one interval. */
    public Deduction deduct(IntervalRequest request) {
        FieldChecks checks = new FieldChecks();
        check(request, "", checks);
        checks.throwIfInvalid();
        return batches.submit(item(request));
    }

    /**
     * Deducts many intervals, each as {@link #deduct} would, together with whatever else waits in
     * their lanes. A malformed request refuses them all (fields named {@code requests[i].…});
     * otherwise each has its own outcome. A failure of the database fails the whole call.
     */
    public List<Outcome> deductAll(List<IntervalRequest> requests) {
        FieldChecks checks =
                new FieldChecks()
                        .check(
                                !requests.isEmpty() && requests.size() <= MAX_BATCH,
                                "requests",
                                "1–" + MAX_BATCH + " intervals");
        for (int i = 0; i < Math.min(requests.size(), MAX_BATCH); i++) {
            check(requests.get(i), "requests[" + i + "].", checks);
        }
        checks.throwIfInvalid();
        Map<Integer, ServiceException> unknownApps = new HashMap<>();
        List<DeductionBatches.Item> items = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                items.add(item(requests.get(i)));
            } catch (ServiceException unknownApp) {
                unknownApps.put(i, unknownApp);
            }
        }
        Iterator<CompletableFuture<Deduction>> answers = batches.submitAll(items).iterator();
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            ServiceException unknownApp = unknownApps.get(i);
            outcomes.add(
                    unknownApp != null ? new Outcome(null, unknownApp) : outcome(answers.next()));
        }
        return outcomes;
    }

    private static Outcome outcome(CompletableFuture<Deduction> answer) {
        try {
            return new Outcome(DeductionBatches.await(answer), null);
        } catch (ServiceException refusal) {
            return new Outcome(null, refusal);
        }
    }

    private DeductionBatches.Item item(IntervalRequest request) {
        IntervalUsage usage =
                new IntervalUsage(
                        new UsageKey(
                                request.sdkAppId(),
                                request.billingDay().orElseThrow(),
                                request.tier(),
                                request.intervalIndex()),
                        request.usageMinutes(),
                        request.unitPrice().orElseThrow());
        return new DeductionBatches.Item(
                accountOf(request.sdkAppId()), usage, request.priceBookVersion());
    }

    /** Adds the violations of {@code request} to {@code checks}, its fields named after prefix. */
    private static void check(IntervalRequest request, String prefix, FieldChecks checks) {
        FieldChecks own =
                new FieldChecks()
                        .check(
                                RequestIds.isWellFormed(request.requestId()),
                                "request_id",
                                RequestIds.FORMAT)
                        .check(
                                request.sdkAppId() > 0,
                                "sdk_app_id",
                                "required: a positive SdkAppId")
                        .check(
                                request.billingDay().isPresent(),
                                "billing_day",
                                "required: a valid date")
                        .check(
                                request.baseService(),
                                "item",
                                "must be BILLABLE_ITEM_BASE_SERVICE (other items are postpaid"
                                        + " only)")
                        .check(
                                request.tier() != null,
                                "tier",
                                "required: AUDIO, SD, HD, FHD, QHD or UHD")
                        .check(
                                request.unitPrice().isPresent(),
                                "unit_price",
                                "required: a per-minute price ≥ 0 with at most 8 decimals")
                        .length(
                                request.priceBookVersion(),
                                1,
                                MAX_PRICE_BOOK_VERSION,
                                "price_book_version");
        // IntervalUsage checks the remaining fields.
        checkUsage(request.intervalIndex(), request.usageMinutes(), request.unitPrice(), own);
        own.copyTo(checks, prefix);
    }

    /**
     * Deducts a batch of intervals, of one account or several, in one transaction (group commit,
     * see {@link DeductionBatches}): the accounts are locked in account order, then their usable
     * packages in (account, package) order; each interval is burnt down in arrival order against
     * its account's packages as the earlier ones left them. Returns, per item, its deduction or the
     * error that refuses it (a conflict, an account gone).
     */
    Applied applyBatch(List<DeductionBatches.Item> batch) {
        Set<UUID> accounts =
                books.lockStandings(
                        batch.stream().map(DeductionBatches.Item::accountId).distinct().toList());
        Instant now = clock.instant();
        Map<UsageKey, Deduction> recorded =
                new HashMap<>(
                        deductions.findIntervals(
                                batch.stream()
                                        .map(item -> item.usage().key())
                                        .distinct()
                                        .toList()));
        Map<UUID, Map<UUID, PrepaidPackage>> current = new HashMap<>();
        for (PrepaidPackage p : packages.lockUsable(accounts, now)) {
            current.computeIfAbsent(p.accountId(), a -> new LinkedHashMap<>())
                    .put(p.packageId(), p);
        }
        List<DeductionBatches.Result> results = new ArrayList<>();
        List<Deduction> added = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        Map<UUID, PrepaidPackage> changed = new LinkedHashMap<>();
        Set<UUID> ranDry = new HashSet<>();
        for (DeductionBatches.Item item : batch) {
            UUID accountId = item.accountId();
            if (!accounts.contains(accountId)) {
                results.add(DeductionBatches.Result.refused(AccountBooks.notFound(accountId)));
                continue;
            }
            IntervalUsage usage = item.usage();
            Map<UUID, PrepaidPackage> usable =
                    current.computeIfAbsent(accountId, a -> new LinkedHashMap<>());
            try {
                Deductor.Outcome outcome =
                        Deductor.deduct(
                                accountId,
                                usage,
                                Optional.ofNullable(recorded.get(usage.key())),
                                new AccountPackages(List.copyOf(usable.values())),
                                now);
                if (!outcome.replayed()) {
                    recorded.put(usage.key(), outcome.deduction());
                    added.add(outcome.deduction());
                    versions.add(item.priceBookVersion());
                    for (PrepaidPackage p : outcome.changedPackages()) {
                        usable.put(p.packageId(), p);
                        changed.put(p.packageId(), p);
                        if (p.remainingMinutes() == 0) {
                            ranDry.add(accountId);
                        }
                    }
                    if (outcome.deduction().postpaidUsageMinutes().isPositive()) {
                        ranDry.add(accountId);
                    }
                }
                results.add(DeductionBatches.Result.of(outcome.deduction()));
            } catch (ServiceException refused) {
                results.add(DeductionBatches.Result.refused(refused));
            }
        }
        deductions.insertAll(added, versions);
        packages.updateRemaining(List.copyOf(changed.values()), now);
        List<AccountDay> armed =
                added.stream()
                        .map(d -> new AccountDay(d.accountId(), d.key().billingDay()))
                        .distinct()
                        .filter(day -> !armedHere(day))
                        .toList();
        armed.forEach(this::armSettlement);
        ranDry.stream().sorted().forEach(a -> standings.checkRunOut(books.read(a), now));
        return new Applied(results, armed);
    }

    private record AccountDay(UUID accountId, LocalDate billingDay) {}

    /** A batch's outcome per item, and the days whose settlement it armed. */
    record Applied(List<DeductionBatches.Result> results, List<AccountDay> armed) {}

    private List<DeductionBatches.Result> applyBatchInTransaction(
            List<DeductionBatches.Item> batch) {
        Applied applied = QuarkusTransaction.requiringNew().call(() -> applyBatch(batch));
        // Remembered once committed only: an arming rolled back with its batch is armed again.
        applied.armed().forEach(day -> settlementArmed.put(day.accountId(), day.billingDay()));
        return applied.results();
    }

    /**
     * A day with usage gets settled the next day (SPEC P-5): its job is armed by the first
     * deduction of the day (scheduling is idempotent; {@link #settlementArmed} only saves the
     * statement).
     */
    private void armSettlement(AccountDay day) {
        settlementJobs.arm(day.accountId(), books.read(day.accountId()).zone(), day.billingDay());
    }

    /** Whether this replica armed the day's settlement in a batch that committed. */
    private boolean armedHere(AccountDay day) {
        return day.billingDay().equals(settlementArmed.get(day.accountId()));
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
                QuarkusTransaction.requiringNew()
                        .call(() -> apps.find(sdkAppId))
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
