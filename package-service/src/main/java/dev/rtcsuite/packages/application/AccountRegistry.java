package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.Account;
import dev.rtcsuite.packages.domain.AccountStatus;
import dev.rtcsuite.packages.domain.App;
import dev.rtcsuite.packages.domain.ServiceStatus;
import dev.rtcsuite.packages.domain.TrialExhaustionPolicy;
import dev.rtcsuite.packages.persistence.AccountRepository;
import dev.rtcsuite.packages.persistence.AppRepository;
import dev.rtcsuite.packages.persistence.Page;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
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

    private final AccountRepository accounts;
    private final AppRepository apps;
    private final Clock clock;

    public AccountRegistry(AccountRepository accounts, AppRepository apps, Clock clock) {
        this.accounts = accounts;
        this.apps = apps;
        this.clock = clock;
    }

    /**
     * Opens an account in good standing.
     *
     * @param billingTimeZone an IANA zone id; empty means {@link Account#DEFAULT_BILLING_TIME_ZONE}
     * @param trialExhaustionPolicy null when the caller did not choose, which is refused
     */
    public Account openAccount(
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
        Account account = Account.open(displayName, zone, trialExhaustionPolicy, clock.instant());
        accounts.insert(account);
        return account;
    }

    public Account account(String accountId) {
        UUID id = parseAccountId(accountId, "account_id");
        return accounts.find(id).orElseThrow(() -> accountNotFound(accountId));
    }

    public Page<Account> accounts(PageRequest page) {
        return accounts.list(page.after(), page.size());
    }

    /** Creates an app of an account; SdkAppIds are assigned here, never chosen by callers. */
    public App createApp(String accountId, String name) {
        FieldChecks checks = new FieldChecks().length(name, 1, 128, "name");
        Optional<UUID> id = tryParseAccountId(accountId, "account_id", checks);
        checks.throwIfInvalid();
        Account account =
                accounts.find(id.orElseThrow()).orElseThrow(() -> accountNotFound(accountId));
        if (account.status() == AccountStatus.RECLAIMED) {
            throw ServiceException.failedPrecondition(
                    ACCOUNT_RECLAIMED,
                    "Account " + accountId + " was reclaimed and cannot have apps.",
                    Map.of("accountId", accountId));
        }
        App app = App.create(apps.nextSdkAppId(), account.accountId(), name, clock.instant());
        apps.insert(app);
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
        return ServiceStatus.of(account, app, clock.instant());
    }

    private App changeApp(long sdkAppId, java.util.function.UnaryOperator<App> change) {
        App app = apps.findForUpdate(sdkAppId).orElseThrow(() -> appNotFound(sdkAppId));
        App changed = change.apply(app);
        if (!changed.equals(app)) {
            apps.update(changed);
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
