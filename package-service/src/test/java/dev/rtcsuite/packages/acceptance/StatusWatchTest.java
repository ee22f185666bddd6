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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
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
            Iterator<WatchServiceStatusResponse> stream = watch(watch, account);

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

    @Test
    void aChangeCommittedByAnotherReplicaReachesThisReplicasWatchers() throws Exception {
        // SPEC X-4: replicas share one database; this one learns of the other's change only
        // through the database's notice, which is delivered when (and only if) it commits.
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        try (Context.CancellableContext watch = Context.current().withCancellation()) {
            Iterator<WatchServiceStatusResponse> stream = watch(watch, account);
            assertThat(stream.next().getSnapshot()).isTrue();

            disableOnAnotherReplica(account, false); // rolled back: announces nothing
            disableOnAnotherReplica(account, true);

            WatchServiceStatusResponse changed = stream.next();
            assertThat(changed.getSnapshot()).isFalse();
            assertThat(changed.getStatus().getInService()).isFalse();
            assertThat(changed.getStatus().getReason())
                    .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_APP_DISABLED);
            watch.cancel(null);
        }
    }

    private Iterator<WatchServiceStatusResponse> watch(
            Context.CancellableContext watch, Accounts account) throws Exception {
        return watch.call(
                () ->
                        packages.withDeadlineAfter(20, TimeUnit.SECONDS)
                                .watchServiceStatus(
                                        WatchServiceStatusRequest.newBuilder()
                                                .addSdkAppIds(account.app)
                                                .build()));
    }

    /** What another replica's DisableApp does, on a connection (a session) of its own. */
    private static void disableOnAnotherReplica(Accounts account, boolean commit)
            throws SQLException {
        Config config = ConfigProvider.getConfig();
        try (Connection replicaB =
                DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class))) {
            replicaB.setAutoCommit(false);
            try (PreparedStatement disable =
                            replicaB.prepareStatement(
                                    "UPDATE app SET state = 'DISABLED', disabled_reason ="
                                            + " 'replica B' WHERE sdk_app_id = ?");
                    PreparedStatement announce =
                            replicaB.prepareStatement("SELECT pg_notify(?, ?)")) {
                disable.setLong(1, account.app);
                disable.executeUpdate();
                announce.setString(1, "package_status_changed");
                announce.setString(2, account.accountId + "/" + account.app);
                announce.executeQuery().close();
            }
            if (commit) {
                replicaB.commit();
            } else {
                replicaB.rollback();
            }
        }
    }
}
