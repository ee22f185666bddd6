package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.Account;
import dev.rtcsuite.packages.domain.AccountStatus;
import dev.rtcsuite.packages.domain.App;
import dev.rtcsuite.packages.domain.ServiceStatus;
import dev.rtcsuite.packages.domain.TrialExhaustionPolicy;
import dev.rtcsuite.packages.domain.settlement.SettlementCycle;
import dev.rtcsuite.packages.persistence.AccountRepository;
import dev.rtcsuite.packages.persistence.AppRepository;
import dev.rtcsuite.packages.persistence.Page;
import dev.rtcsuite.packages.persistence.StandingRepository;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Accounts and their apps (SPEC P-1): the registry that the other services resolve SdkAppIds
 * against, and the service status they ask before starting work (P-6). Validation names the API's
 * field paths, since these use cases are what the RPCs expose. Reads run in a transaction too: they
 * come from RPCs on virtual threads with no request context of their own.
 */
@ApplicationScoped
@Transactional
public class AccountRegistry {

    public static final String ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND";
    public static final String APP_NOT_FOUND = "APP_NOT_FOUND";
    public static final String ACCOUNT_RECLAIMED = "ACCOUNT_RECLAIMED";

    private static final Set<String> TIME_ZONES = ZoneId.getAvailableZoneIds();
    private static final Set<String> UPDATABLE = Set.of("display_name", "enterprise_verified");

    private final AccountRepository accounts;
    private final AppRepository apps;
    private final StandingRepository standings;
    private final AccountBooks books;
    private final Purchases purchases;
    private final Event<StatusChanged> published;
    private final Clock clock;

    public AccountRegistry(
            AccountRepository accounts,
            AppRepository apps,
            StandingRepository standings,
            AccountBooks books,
            Purchases purchases,
            Event<StatusChanged> published,
            Clock clock) {
        this.accounts = accounts;
        this.apps = apps;
        this.standings = standings;
        this.books = books;
        this.purchases = purchases;
        this.published = published;
        this.clock = clock;
    }

    /**
     * Opens an account in good standing.
     *
     * @param billingTimeZone an IANA zone id; empty means {@link Account#DEFAULT_BILLING_TIME_ZONE}
     * @param trialExhaustionPolicy null when the caller did not choose, which is refused
     */
    public AccountBook openAccount(
            String displayName,
            String billingTimeZone,
            TrialExhaustionPolicy trialExhaustionPolicy) {
        new FieldChecks()
                .length(displayName, 1, 128, "display_name")
                .check(
                        billingTimeZone.isEmpty() || TIME_ZONES.contains(billingTimeZone),
                        "billing_time_zone",
                        "must be an IANA time zone id such as Asia/Shanghai, or empty for"
                                + " Asia/Shanghai; was '"
                                + billingTimeZone
                                + "'")
                .check(
                        trialExhaustionPolicy != null,
                        "trial_exhaustion_policy",
                        "required: STOP or CONTINUE")
                .throwIfInvalid();
        ZoneId zone =
                billingTimeZone.isEmpty()
                        ? Account.DEFAULT_BILLING_TIME_ZONE
                        : ZoneId.of(billingTimeZone);
        Instant now = clock.instant();
        Account account = Account.open(displayName, zone, trialExhaustionPolicy, now);
        accounts.insert(account);
        standings.insert(account.accountId());
        return books.read(account.accountId());
    }

    public AccountBook account(String accountId) {
        UUID id = parseAccountId(accountId, "account_id");
        accounts.find(id).orElseThrow(() -> accountNotFound(accountId));
        return books.read(id);
    }

    public Page<AccountBook> accounts(PageRequest page) {
        Page<Account> found = accounts.list(page.after(), page.size());
        return new Page<>(found.items().stream().map(books::view).toList(), found.nextAfter());
    }

    /** Updates display_name and/or enterprise_verified (the paths named). */
    public AccountBook updateAccount(
            String accountId, Set<String> paths, String displayName, boolean enterpriseVerified) {
        FieldChecks checks =
                new FieldChecks()
                        .check(
                                !paths.isEmpty() && UPDATABLE.containsAll(paths),
                                "update_mask",
                                "required: one or more of display_name, enterprise_verified;"
                                        + " was "
                                        + paths);
        if (paths.contains("display_name")) {
            checks.length(displayName, 1, 128, "account.display_name");
        }
        checks.throwIfInvalid();
        AccountBook book = books.lock(accountId, "account.account_id");
        Account account = book.account();
        if (paths.contains("display_name")) {
            account =
                    new Account(
                            account.accountId(),
                            displayName.strip(),
                            account.billingTimeZone(),
                            account.trialExhaustionPolicy(),
                            account.status(),
                            account.statusReason(),
                            account.createdTime(),
                            clock.instant());
            accounts.updateDisplayName(account);
        }
        standings.saveSettings(
                book.accountId(),
                book.settlementCycle(),
                paths.contains("enterprise_verified")
                        ? enterpriseVerified
                        : book.enterpriseVerified());
        return new AccountBook(
                account,
                book.standing(),
                book.settlementCycle(),
                paths.contains("enterprise_verified")
                        ? enterpriseVerified
                        : book.enterpriseVerified(),
                book.firstAppTime());
    }

    /** DAILY or MONTHLY (SPEC P-5); applies to billing days not settled yet. */
    public AccountBook setSettlementCycle(String accountId, SettlementCycle cycle) {
        new FieldChecks()
                .check(cycle != null, "settlement_cycle", "required: DAILY or MONTHLY")
                .throwIfInvalid();
        AccountBook book = books.lock(accountId, "account_id");
        standings.saveSettings(book.accountId(), cycle, book.enterpriseVerified());
        return new AccountBook(
                book.account(),
                book.standing(),
                cycle,
                book.enterpriseVerified(),
                book.firstAppTime());
    }

    /** Creates an app of an account; SdkAppIds are assigned here, never chosen by callers. */
    public App createApp(String accountId, String name) {
        FieldChecks checks = new FieldChecks().length(name, 1, 128, "name");
        Optional<UUID> id = tryParseAccountId(accountId, "account_id", checks);
        checks.throwIfInvalid();
        accounts.find(id.orElseThrow()).orElseThrow(() -> accountNotFound(accountId));
        AccountBook book = books.lock(id.orElseThrow());
        if (book.account().status() == AccountStatus.RECLAIMED) {
            throw ServiceException.failedPrecondition(
                    ACCOUNT_RECLAIMED,
                    "Account " + accountId + " was reclaimed and cannot have apps.",
                    Map.of("accountId", accountId));
        }
        book.standing().requireOpenForPurchases();
        Instant now = clock.instant();
        long appsBefore = apps.list(book.accountId(), 0, 1).items().size();
        App app = App.create(apps.nextSdkAppId(), book.accountId(), name, now);
        apps.insert(app);
        standings.firstAppCreated(book.accountId(), now);
        purchases.firstAppCreated(book, appsBefore, now);
        return app;
    }

    public App app(long sdkAppId) {
        checkSdkAppId(sdkAppId);
        return apps.find(sdkAppId).orElseThrow(() -> appNotFound(sdkAppId));
    }

    public Page<App> apps(String accountId, PageRequest page) {
        UUID id = parseAccountId(accountId, "account_id");
        accounts.find(id).orElseThrow(() -> accountNotFound(accountId));
        return apps.list(id, page.after(), page.size());
    }

    public App disableApp(long sdkAppId, String reason) {
        new FieldChecks()
                .length(reason, 0, 512, "reason")
                .check(sdkAppId > 0, "sdk_app_id", "required: a positive SdkAppId")
                .throwIfInvalid();
        return changeApp(sdkAppId, app -> app.disable(reason, clock.instant()));
    }

    public App enableApp(long sdkAppId) {
        checkSdkAppId(sdkAppId);
        return changeApp(sdkAppId, app -> app.enable(clock.instant()));
    }

    public ServiceStatus serviceStatus(long sdkAppId) {
        App app = app(sdkAppId);
        Account account = accounts.find(app.accountId()).orElseThrow();
        Optional<Instant> graceEnd =
                standings.find(app.accountId()).flatMap(row -> row.standing().graceEndTime());
        return ServiceStatus.of(account, app, graceEnd, clock.instant());
    }

    private App changeApp(long sdkAppId, java.util.function.UnaryOperator<App> change) {
        App app = apps.findForUpdate(sdkAppId).orElseThrow(() -> appNotFound(sdkAppId));
        App changed = change.apply(app);
        if (!changed.equals(app)) {
            apps.update(changed);
            if (changed.state() != app.state()) {
                published.fire(
                        new StatusChanged(
                                changed.accountId(), OptionalLong.of(changed.sdkAppId())));
            }
        }
        return changed;
    }

    private static void checkSdkAppId(long sdkAppId) {
        new FieldChecks()
                .check(sdkAppId > 0, "sdk_app_id", "required: a positive SdkAppId")
                .throwIfInvalid();
    }

    private static UUID parseAccountId(String accountId, String field) {
        FieldChecks checks = new FieldChecks();
        Optional<UUID> id = tryParseAccountId(accountId, field, checks);
        checks.throwIfInvalid();
        return id.orElseThrow();
    }

    private static Optional<UUID> tryParseAccountId(
            String accountId, String field, FieldChecks checks) {
        try {
            return Optional.of(UUID.fromString(accountId));
        } catch (IllegalArgumentException e) {
            checks.check(false, field, "must be an account id (a UUID); was '" + accountId + "'");
            return Optional.empty();
        }
    }

    private static ServiceException accountNotFound(String accountId) {
        return ServiceException.notFound(
                ACCOUNT_NOT_FOUND, "No account " + accountId + ".", Map.of("accountId", accountId));
    }

    private static ServiceException appNotFound(long sdkAppId) {
        return ServiceException.notFound(
                APP_NOT_FOUND,
                "No app with SdkAppId " + sdkAppId + ".",
                Map.of("sdkAppId", Long.toString(sdkAppId)));
    }
}
