package dev.rtcsuite.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Rules come from the service's access-policy.properties; ADMIN may call anything. */
@QuarkusTest
class AccessPolicyTest {

    @Inject AccessPolicy policy;

    @Test
    void aRuleFromTheAccessPolicyFileOpensAMethodToItsRoles() {
        assertThat(policy.hasRule("rtcsuite.test.v1.TestService/Probe")).isTrue();
        assertThat(policy.allows("rtcsuite.test.v1.TestService/Probe", Role.MEDIA)).isTrue();
        assertThat(policy.allows("rtcsuite.test.v1.TestService/Probe", Role.APP)).isFalse();
        assertThat(policy.allows("rtcsuite.test.v1.TestService/Probe", Role.ADMIN)).isTrue();
    }

    @Test
    void aMethodWithoutARuleIsForAdminsOnly() {
        assertThat(policy.hasRule("rtcsuite.test.v1.TestService/Unlisted")).isFalse();
        assertThat(policy.allows("rtcsuite.test.v1.TestService/Unlisted", Role.SERVICE)).isFalse();
        assertThat(policy.allows("rtcsuite.test.v1.TestService/Unlisted", Role.ADMIN)).isTrue();
    }

    @Test
    void healthAndReflectionAreOpen() {
        assertThat(policy.open("grpc.health.v1.Health/Check")).isTrue();
        assertThat(policy.open("grpc.reflection.v1.ServerReflection/ServerReflectionInfo"))
                .isTrue();
        assertThat(policy.open("rtcsuite.test.v1.TestService/Probe")).isFalse();
    }
}
