package dev.rtcsuite.packages.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC P-6: who may start new work, and the reason reported when several apply. */
class ServiceStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    @ParameterizedTest(name = "{0}/{1} + app {2} → in service {3}, reason {4}")
    @CsvSource({
        "ACTIVE,    NONE,                ENABLED,  true,  NONE",
        "ACTIVE,    NONE,                DISABLED, false, APP_DISABLED",
        "ARREARS,   ARREARS_GRACE,       ENABLED,  true,  ARREARS_GRACE",
        "ARREARS,   ARREARS_GRACE,       DISABLED, false, APP_DISABLED",
        "SUSPENDED, SUSPENDED_ARREARS,   ENABLED,  false, SUSPENDED_ARREARS",
        "SUSPENDED, SUSPENDED_ARREARS,   DISABLED, false, SUSPENDED_ARREARS",
        "SUSPENDED, SUSPENDED_VIOLATION, ENABLED,  false, SUSPENDED_VIOLATION",
        "STOPPED,   TRIAL_EXHAUSTED,     DISABLED, false, TRIAL_EXHAUSTED",
        "RECLAIMED, RECLAIMED,           ENABLED,  false, RECLAIMED",
    })
    void inServiceOnlyWhenAccountServesAndAppIsEnabled(
            AccountStatus status,
            StatusReason accountReason,
            AppState appState,
            boolean inService,
            StatusReason reason) {
        Account account =
                new Account(
                        UUID.randomUUID(),
                        "Acme",
                        ZoneId.of("Asia/Shanghai"),
                        TrialExhaustionPolicy.STOP,
                        status,
                        accountReason,
                        NOW,
                        NOW);
        App app = App.create(1_400_000_000L, account.accountId(), "app", NOW);
        if (appState == AppState.DISABLED) {
            app = app.disable("by hand", NOW);
        }

        ServiceStatus serviceStatus =
                ServiceStatus.of(account, app, java.util.Optional.empty(), NOW);

        assertThat(serviceStatus.inService()).isEqualTo(inService);
        assertThat(serviceStatus.reason()).isEqualTo(reason);
    }
}
