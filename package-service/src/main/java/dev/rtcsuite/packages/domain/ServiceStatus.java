package dev.rtcsuite.packages.domain;

import java.time.Instant;

/**
 * Whether an app may start new work now (SPEC P-6), as the other services ask before starting
 * recording tasks or mix sessions. Sessions already running are never cut by this answer.
 */
public record ServiceStatus(
        App app, AccountStatus accountStatus, boolean inService, Reason reason, Instant asOf) {

    /** Why an app is or is not in service; the first that applies wins. */
    public enum Reason {
        NONE,
        ARREARS_GRACE,
        APP_DISABLED,
        ACCOUNT_SUSPENDED,
        ACCOUNT_STOPPED,
        ACCOUNT_RECLAIMED
    }

    public static ServiceStatus of(Account account, App app, Instant now) {
        Reason reason = reason(account.status(), app.state());
        boolean inService = app.state() == AppState.ENABLED && account.status().serves();
        return new ServiceStatus(app, account.status(), inService, reason, now);
    }

    private static Reason reason(AccountStatus accountStatus, AppState appState) {
        return switch (accountStatus) {
            case RECLAIMED -> Reason.ACCOUNT_RECLAIMED;
            case SUSPENDED -> Reason.ACCOUNT_SUSPENDED;
            case STOPPED -> Reason.ACCOUNT_STOPPED;
            case ARREARS, ACTIVE -> {
                if (appState == AppState.DISABLED) {
                    yield Reason.APP_DISABLED;
                }
                yield accountStatus == AccountStatus.ARREARS ? Reason.ARREARS_GRACE : Reason.NONE;
            }
        };
    }
}
