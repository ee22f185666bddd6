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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns any failure into a {@code google.rpc.Status} with exactly one {@code ErrorInfo} (AIP-193),
 * plus a {@code BadRequest} for validation failures. The single place where exceptions become
 * status codes, so every RPC of a service answers errors the same way.
 */
public final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    // An error travels in the trailers, and clients refuse header lists above 8 KiB by default:
    // a message echoing a huge bad value must not turn a precise error into a protocol error.
    // The ErrorInfo's violationCount still tells how many fields were bad.
    static final int MAX_MESSAGE = 512;
    static final int MAX_VIOLATIONS = 10;
    static final int MAX_FIELD = 128;
    static final int MAX_DESCRIPTION = 200;
    static final int MAX_METADATA_VALUE = 256;

    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

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
                            "The service's database is unreachable or busy; retry with back-off."));
        }
        // Unexpected: log the detail here, never send it to the caller.
        LOG.error("unexpected failure in a gRPC call", failure);
        return StatusProto.toStatusRuntimeException(
                status(Code.INTERNAL, "INTERNAL", "Internal error.", Map.of()));
    }

    /** The status a refusal is answered with (also one item's outcome in a batch response). */
    public Status status(ServiceException failure) {
        Status.Builder status =
                status(
                        code(failure.kind()),
                        failure.reason(),
                        failure.getMessage(),
                        failure.metadata())
                        .toBuilder();
        if (!failure.violations().isEmpty()) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            for (FieldViolation violation :
                    failure.violations().stream().limit(MAX_VIOLATIONS).toList()) {
                badRequest.addFieldViolations(
                        BadRequest.FieldViolation.newBuilder()
                                .setField(abbreviate(violation.field(), MAX_FIELD))
                                .setDescription(
                                        abbreviate(violation.description(), MAX_DESCRIPTION)));
            }
            status.addDetails(Any.pack(badRequest.build()));
        }
        return status.build();
    }

    private Status status(Code code, String reason, String message, Map<String, String> metadata) {
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(reason).setDomain(domain);
        metadata.forEach(
                (key, value) -> info.putMetadata(key, abbreviate(value, MAX_METADATA_VALUE)));
        return Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(abbreviate(message, MAX_MESSAGE))
                .addDetails(Any.pack(info.build()))
                .build();
    }

    /** {@code text} cut to at most {@code max} characters, marked with an ellipsis when cut. */
    static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
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

    /**
     * SQLSTATE class 08 is "connection exception"; a connection the pool could not hand out in time
     * (transient, or Agroal's acquisition timeout) is the same for the caller: retry later. A
     * server being stopped or started answers 57P01 (admin_shutdown: what a pooled connection reads
     * on its next use after pg_ctl stop), 57P02 (crash_shutdown) or 57P03 (cannot_connect_now): the
     * database is away just the same. Suppressed exceptions count as causes: a commit that fails
     * because the server went away arrives as Narayana's RollbackException with the driver's
     * exception suppressed in it (and nothing committed, so a retry is safe).
     */
    static boolean isDatabaseUnreachable(Throwable failure) {
        return reachesUnreachableDatabase(
                failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean reachesUnreachableDatabase(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (isConnectionFailure(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (reachesUnreachableDatabase(suppressed, seen)) {
                return true;
            }
        }
        return reachesUnreachableDatabase(failure.getCause(), seen);
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || isPoolTimeout(cause)) {
            return true;
        }
        return cause instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08")
                        || SERVER_GOING_AWAY.contains(sql.getSQLState()));
    }

    /**
     * Agroal's "Sorry, acquisition timeout!": no pooled connection became free (or could be opened)
     * within the acquisition timeout. A plain SQLException without a state, so known by its text.
     */
    private static boolean isPoolTimeout(Throwable cause) {
        return cause instanceof SQLException sql
                && sql.getSQLState() == null
                && String.valueOf(sql.getMessage()).contains("acquisition timeout");
    }
}
