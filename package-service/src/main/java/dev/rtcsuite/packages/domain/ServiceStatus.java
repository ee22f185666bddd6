package dev.rtcsuite.packages.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether an app may start new work now (SPEC P-6), as the other services ask before starting
 * recording tasks or mix sessions. Sessions already running are never cut by arrears.
 */
public record ServiceStatus(
        App app,
        AccountStatus accountStatus,
        boolean inService,
        StatusReason reason,
        Optional<Instant> graceEndTime,
        Instant asOf) {

    /**
     * @param graceEndTime while the account is in arrears within the grace: when the grace ends
     *     (arrears start + 24 h) and the account will be suspended
     */
    public static ServiceStatus of(
            Account account, App app, Optional<Instant> graceEndTime, Instant now) {
        boolean enabled = app.state() == AppState.ENABLED;
        StatusReason appReason = enabled ? StatusReason.NONE : StatusReason.APP_DISABLED;
        return new ServiceStatus(
                app,
                account.status(),
                enabled && account.status().serves(),
                account.statusReason().worst(appReason),
                graceEndTime,
                now);
    }
}
