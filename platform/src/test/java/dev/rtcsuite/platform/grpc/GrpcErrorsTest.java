package dev.rtcsuite.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status.Code;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** SPEC X-1: the error model every RPC answers with. */
class GrpcErrorsTest {

    private final GrpcErrors errors = new GrpcErrors("test.rtcsuite.dev");

    @Test
    void validationFailureNamesEveryBadFieldWithOneErrorInfo() {
        ServiceException failure =
                catchService(
                        () ->
                                new FieldChecks()
                                        .length("", 1, 128, "display_name")
                                        .check(false, "page_size", "must be 0–1000")
                                        .throwIfInvalid());

        RpcError error = RpcError.read(errors.toStatusException(failure));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.errorInfoCount()).isEqualTo(1);
        assertThat(error.reason()).isEqualTo(ServiceException.VALIDATION_FAILED);
        assertThat(error.domain()).isEqualTo("test.rtcsuite.dev");
        assertThat(error.violations())
                .containsEntry("display_name", "must be 1–128 characters, was 0")
                .containsEntry("page_size", "must be 0–1000");
        assertThat(error.metadata())
                .containsEntry("fields", "display_name,page_size")
                .containsEntry("violationCount", "2");
    }

    @Test
    void anErrorEchoingHugeValuesStaysSmallEnoughForTheTrailers() {
        FieldChecks checks = new FieldChecks();
        for (int i = 0; i < 40; i++) {
            checks.check(
                    false,
                    "records[" + i + "].user_id",
                    "must be 1–32 characters, was '" + "x".repeat(100_000) + "'");
        }
        ServiceException failure = catchService(checks::throwIfInvalid);

        var status = errors.toStatusException(failure);
        RpcError error = RpcError.read(status);

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violations()).hasSize(GrpcErrors.MAX_VIOLATIONS);
        assertThat(error.violations().values())
                .allSatisfy(
                        d ->
                                assertThat(d)
                                        .hasSizeLessThanOrEqualTo(GrpcErrors.MAX_DESCRIPTION)
                                        .endsWith("…"));
        assertThat(error.metadata()).containsEntry("violationCount", "40");
        assertThat(status.getStatus().getDescription())
                .hasSizeLessThanOrEqualTo(GrpcErrors.MAX_MESSAGE);
        // Well below the 8 KiB header list that gRPC clients accept by default.
        assertThat(io.grpc.protobuf.StatusProto.fromThrowable(status).getSerializedSize())
                .isLessThan(4_096);
    }

    @Test
    void domainFailureKeepsItsKindReasonAndMetadata() {
        ServiceException failure =
                ServiceException.notFound("APP_NOT_FOUND", "No app 7.", Map.of("sdkAppId", "7"));

        RpcError error = RpcError.read(errors.toStatusException(failure));

        assertThat(error.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(error.reason()).isEqualTo("APP_NOT_FOUND");
        assertThat(error.message()).isEqualTo("No app 7.");
        assertThat(error.metadata()).containsExactly(Map.entry("sdkAppId", "7"));
        assertThat(error.violations()).isEmpty();
    }

    @Test
    void metadataAddedToAFailureTravelsWithItsViolations() {
        ServiceException failure =
                ServiceException.invalid("video_width", "must be 0–1920 px")
                        .withMetadata("trtcCode", "InvalidParameter.VideoResolution");

        RpcError error = RpcError.read(errors.toStatusException(failure));

        assertThat(error.metadata())
                .containsEntry("trtcCode", "InvalidParameter.VideoResolution")
                .containsEntry("fields", "video_width");
        assertThat(error.violations()).containsOnlyKeys("video_width");
    }

    @Test
    void unreachableDatabaseIsUnavailableNotInternal() {
        RuntimeException failure =
                new IllegalStateException(
                        new SQLException("connection refused", "08001", new ConnectException()));

        RpcError error = RpcError.read(errors.toStatusException(failure));

        assertThat(error.code()).isEqualTo(Code.UNAVAILABLE);
        assertThat(error.reason()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(error.metadata()).containsEntry("dependency", "database");
    }

    @Test
    void aCommitFailingBecauseTheServerWentAwayIsUnavailableNotInternal() {
        // As Narayana reports it (seen in DatabaseOutageTest): the driver's failure is suppressed
        // in the RollbackException, not its cause.
        XAException commit = new XAException("Error trying to transactionCommit local transaction");
        commit.initCause(
                new SQLException(
                        "FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException rolledBack = new RollbackException("ARJUNA016053: Could not commit");
        rolledBack.addSuppressed(commit);

        RpcError error =
                RpcError.read(errors.toStatusException(new IllegalStateException(rolledBack)));

        assertThat(error.code()).isEqualTo(Code.UNAVAILABLE);
        assertThat(error.metadata()).containsEntry("dependency", "database");
    }

    @Test
    void aRollbackForAnyOtherReasonStaysInternal() {
        RollbackException rolledBack = new RollbackException("ARJUNA016053: Could not commit");
        rolledBack.addSuppressed(new SQLException("deadlock detected", "40P01"));

        RpcError error = RpcError.read(errors.toStatusException(rolledBack));

        assertThat(error.code()).isEqualTo(Code.INTERNAL);
    }

    @Test
    void noFreePooledConnectionInTimeIsUnavailableNotInternal() {
        // Agroal's pool exhausted (seen under the load harness), as a repository wraps it.
        RuntimeException failure =
                new IllegalStateException(
                        "Unable to acquire JDBC Connection",
                        new SQLException("Sorry, acquisition timeout!"));

        RpcError error = RpcError.read(errors.toStatusException(failure));

        assertThat(error.code()).isEqualTo(Code.UNAVAILABLE);
        assertThat(error.metadata()).containsEntry("dependency", "database");
    }

    @Test
    void aDatabaseServerShuttingDownOrStartingIsUnavailableNotInternal() {
        for (String state : List.of("57P01", "57P02", "57P03")) {
            RuntimeException failure =
                    new IllegalStateException(new SQLException("terminating connection", state));

            assertThat(RpcError.read(errors.toStatusException(failure)).code())
                    .as(state)
                    .isEqualTo(Code.UNAVAILABLE);
        }
    }

    @Test
    void unexpectedFailureIsInternalWithoutItsDetail() {
        RpcError error =
                RpcError.read(
                        errors.toStatusException(new IllegalStateException("secret=hunter2")));

        assertThat(error.code()).isEqualTo(Code.INTERNAL);
        assertThat(error.message()).doesNotContain("hunter2");
    }

    private static ServiceException catchService(Runnable body) {
        try {
            body.run();
        } catch (ServiceException e) {
            return e;
        }
        throw new AssertionError("expected a ServiceException");
    }
}
