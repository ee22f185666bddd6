package dev.rtcsuite.packages.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.v1.DisableAppRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.packages.v1.SuspendAccountForViolationRequest;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.packages.v1.WatchServiceStatusRequest;
import dev.rtcsuite.packages.v1.WatchServiceStatusResponse;
import io.grpc.Context;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPEC P-6: status changes are published so that callers can cache GetServiceStatus. */
@QuarkusTest
class StatusWatchTest {

    @GrpcClient PackagesServiceBlockingStub packages;

    @Test
    void theWatchStartsWithASnapshotAndThenSendsEachChange() throws Exception {
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        try (Context.CancellableContext watch = Context.current().withCancellation()) {
            Iterator<WatchServiceStatusResponse> stream =
                    watch.call(
                            () ->
                                    packages.withDeadlineAfter(20, TimeUnit.SECONDS)
                                            .watchServiceStatus(
                                                    WatchServiceStatusRequest.newBuilder()
                                                            .addSdkAppIds(account.app)
                                                            .build()));

            WatchServiceStatusResponse snapshot = stream.next();
            assertThat(snapshot.getSnapshot()).isTrue();
            assertThat(snapshot.getStatus().getInService()).isTrue();

            packages.disableApp(
                    DisableAppRequest.newBuilder()
                            .setRequestId(UUID.randomUUID().toString())
                            .setSdkAppId(account.app)
                            .setReason("maintenance")
                            .build());
            WatchServiceStatusResponse disabled = stream.next();
            assertThat(disabled.getSnapshot()).isFalse();
            assertThat(disabled.getStatus().getInService()).isFalse();
            assertThat(disabled.getStatus().getReason())
                    .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_APP_DISABLED);

            packages.suspendAccountForViolation(
                    SuspendAccountForViolationRequest.newBuilder()
                            .setRequestId(UUID.randomUUID().toString())
                            .setAccountId(account.accountId)
                            .setReason("illegal content")
                            .build());
            WatchServiceStatusResponse suspended = stream.next();
            assertThat(suspended.getStatus().getReason())
                    .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_SUSPENDED_VIOLATION);
            assertThat(suspended.getStatus().getAsOfTime().getSeconds())
                    .isGreaterThanOrEqualTo(disabled.getStatus().getAsOfTime().getSeconds());
            watch.cancel(null);
        }
    }
}
