package dev.rtcsuite.packages.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC P-1: the manual per-app switch. */
class AppTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-02T00:00:00Z");

    private final App app = App.create(1_400_000_001L, UUID.randomUUID(), "  room app ", CREATED);

    @Test
    void newAppIsEnabledWithItsNameTrimmed() {
        assertThat(app.state()).isEqualTo(AppState.ENABLED);
        assertThat(app.name()).isEqualTo("room app");
    }

    @Test
    void disablingTwiceKeepsTheFirstReasonAndTime() {
        App disabled = app.disable("abuse report", LATER);

        App again = disabled.disable("another reason", LATER.plusSeconds(60));

        assertThat(again).isEqualTo(disabled);
        assertThat(again.disabledReason()).isEqualTo("abuse report");
        assertThat(again.updatedTime()).isEqualTo(LATER);
    }

    @Test
    void enablingClearsTheReasonAndEnablingAnEnabledAppChangesNothing() {
        App enabled = app.disable("abuse report", LATER).enable(LATER.plusSeconds(1));

        assertThat(enabled.state()).isEqualTo(AppState.ENABLED);
        assertThat(enabled.disabledReason()).isEmpty();
        assertThat(app.enable(LATER)).isSameAs(app);
    }
}
