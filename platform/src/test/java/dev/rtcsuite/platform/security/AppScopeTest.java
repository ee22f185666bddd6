package dev.rtcsuite.platform.security;

import static dev.rtcsuite.platform.security.ScopeTestProtos.appRequest;
import static dev.rtcsuite.platform.security.ScopeTestProtos.batch;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC X-5: a caller bound to an app can name no other app and no account. */
class AppScopeTest {

    private static final long MINE = 1400000001L;

    @Test
    void aRequestForTheCallersAppPasses() {
        assertThat(AppScope.violation(appRequest(MINE, ""), MINE)).isEmpty();
        assertThat(AppScope.violation(batch(List.of(MINE, MINE)), MINE)).isEmpty();
    }

    @Test
    void anotherAppAnywhereInTheRequestIsRefused() {
        assertThat(AppScope.violation(appRequest(MINE + 1, ""), MINE))
                .hasValue("sdk_app_id 1400000002 is not the caller's app 1400000001");
        assertThat(AppScope.violation(batch(List.of(MINE, MINE + 1)), MINE)).isPresent();
    }

    @Test
    void aRequestThatCouldNameAnAppMustNameIt() {
        assertThat(AppScope.violation(appRequest(0, ""), MINE))
                .hasValue("a caller bound to app 1400000001 must name it in sdk_app_id");
        assertThat(AppScope.violation(batch(List.of()), MINE)).isPresent();
    }

    @Test
    void anAccountMayNotBeAddressed() {
        assertThat(AppScope.violation(appRequest(MINE, "acc-1"), MINE)).isPresent();
    }

    @Test
    void aRequestTypeWithoutAppsHoldsNoTenantsData() {
        assertThat(AppScope.violation(ScopeTestProtos.free(640), MINE)).isEmpty();
        assertThat(AppScope.mentionsApp(ScopeTestProtos.BATCH)).isTrue();
        assertThat(AppScope.mentionsApp(ScopeTestProtos.FREE_REQUEST)).isFalse();
    }
}
