package dev.rtcsuite.packages.domain;

import java.time.Instant;

/**
 * Whether an app may start new work now (SPEC P-6), as the other services ask before starting
 * recording tasks or mix sessions. Sessions already running are never cut by arrears.
 */
public record ServiceStatus(
        App app,
        AccountStatus accountStatus,
        boolean inService,
        StatusReason reason,
        Instant asOf) {

    public static ServiceStatus of(Account account, App app, Instant now) {
        boolean enabled = app.state() == AppState.ENABLED;
        StatusReason appReason = enabled ? StatusReason.NONE : StatusReason.APP_DISABLED;
        return new ServiceStatus(
                app,
                account.status(),
                enabled && account.status().serves(),
                account.statusReason().worst(appReason),
                now);
    }
}
