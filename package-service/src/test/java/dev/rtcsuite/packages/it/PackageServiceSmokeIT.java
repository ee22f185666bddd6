package dev.rtcsuite.packages.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.v1.Account;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.GetAccountRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.platform.testing.PackagedServiceResource;
import dev.rtcsuite.platform.testing.PackagedServiceSmokeChecks;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The packaged package-service (JVM jar, or native with -Pnative): smoke checks and one RPC. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class PackageServiceSmokeIT extends PackagedServiceSmokeChecks {

    @Override
    protected String v1Service() {
        return "rtcsuite.packages.v1.PackagesService";
    }

    @Test
    void anAccountCreatedByTheAdminIsReadBack() {
        var packages = PackagesServiceGrpc.newBlockingStub(admin);

        Account created =
                packages.createAccount(
                                CreateAccountRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setDisplayName("Smoke Test Ltd")
                                        .setTrialExhaustionPolicy(
                                                TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP)
                                        .build())
                        .getAccount();

        assertThat(
                        packages.getAccount(
                                        GetAccountRequest.newBuilder()
                                                .setAccountId(created.getAccountId())
                                                .build())
                                .getAccount()
                                .getDisplayName())
                .isEqualTo("Smoke Test Ltd");
    }

    @Test
    void badInputIsRefusedWithABadRequestNamingTheField() {
        RpcError error =
                RpcError.of(
                        () ->
                                PackagesServiceGrpc.newBlockingStub(admin)
                                        .getAccount(
                                                GetAccountRequest.newBuilder()
                                                        .setAccountId("not-an-id")
                                                        .build()));

        assertThat(error.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(error.violations()).containsKey("account_id");
    }
}
