package dev.rtcsuite.platform.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.rtcsuite.platform.error.ErrorKind;
import dev.rtcsuite.platform.error.FieldViolation;
import dev.rtcsuite.platform.error.ServiceException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Turns any failure into a {@code google.rpc.Status} with exactly one {@code ErrorInfo} (AIP-193),
 * plus a {@code BadRequest} for validation failures. The single place where exceptions become
 * status codes, so every RPC of a service answers errors the same way.
 */
public final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private final String domain;

    public GrpcErrors(String domain) {
        this.domain = domain;
    }

    public StatusRuntimeException toStatusException(Throwable failure) {
        if (failure instanceof StatusRuntimeException alreadyMapped) {
            return alreadyMapped;
        }
        if (failure instanceof ServiceException serviceFailure) {
            return StatusProto.toStatusRuntimeException(status(serviceFailure));
        }
        if (isDatabaseUnreachable(failure)) {
            LOG.warn("database unreachable: " + failure);
            return toStatusException(
                    ServiceException.unavailable(
                            "database",
                            "The service's database is unreachable; retry with back-off."));
        }
        // Unexpected: log the detail here, never send it to the caller.
        LOG.error("unexpected failure in a gRPC call", failure);
        return StatusProto.toStatusRuntimeException(
                status(Code.INTERNAL, "INTERNAL", "Internal error.", Map.of()));
    }

    private Status status(ServiceException failure) {
        Status.Builder status =
                status(
                        code(failure.kind()),
                        failure.reason(),
                        failure.getMessage(),
                        failure.metadata())
                        .toBuilder();
        if (!failure.violations().isEmpty()) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            for (FieldViolation violation : failure.violations()) {
                badRequest.addFieldViolations(
                        BadRequest.FieldViolation.newBuilder()
                                .setField(violation.field())
                                .setDescription(violation.description()));
            }
            status.addDetails(Any.pack(badRequest.build()));
        }
        return status.build();
    }

    private Status status(Code code, String reason, String message, Map<String, String> metadata) {
        ErrorInfo info =
                ErrorInfo.newBuilder()
                        .setReason(reason)
                        .setDomain(domain)
                        .putAllMetadata(metadata)
                        .build();
        return Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(Any.pack(info))
                .build();
    }

    private static Code code(ErrorKind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> Code.INVALID_ARGUMENT;
            case NOT_FOUND -> Code.NOT_FOUND;
            case ALREADY_EXISTS -> Code.ALREADY_EXISTS;
            case FAILED_PRECONDITION -> Code.FAILED_PRECONDITION;
            case ABORTED -> Code.ABORTED;
            case PERMISSION_DENIED -> Code.PERMISSION_DENIED;
            case UNAUTHENTICATED -> Code.UNAUTHENTICATED;
            case UNAVAILABLE -> Code.UNAVAILABLE;
        };
    }

    /** SQLSTATE class 08 is "connection exception"; Agroal reports pool exhaustion as transient. */
    static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
