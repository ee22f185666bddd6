package dev.rtcsuite.platform.error;

import java.util.List;
import java.util.Map;

/**
 * A failure that the caller should see as it is: a canonical kind, an UPPER_SNAKE reason that is
 * part of the API (see proto/README.md), a message for developers, metadata naming every variable
 * of the message, and for validation failures the bad fields. Framework-free so that domain code
 * can throw it; the gRPC adapter turns it into a {@code google.rpc.Status}.
 */
public class ServiceException extends RuntimeException {

    /** The ErrorInfo reason of every validation failure. */
    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

    /** The ErrorInfo reason when a database or a called service cannot be reached. */
    public static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";

    /** The ErrorInfo reason when a service sheds a call: it is at its limit of calls in flight. */
    public static final String OVERLOADED = "OVERLOADED";

    private final ErrorKind kind;
    private final String reason;
    private final Map<String, String> metadata;
    private final List<FieldViolation> violations;

    public ServiceException(
            ErrorKind kind,
            String reason,
            String message,
            Map<String, String> metadata,
            List<FieldViolation> violations) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
        this.violations = List.copyOf(violations);
    }

    public static ServiceException invalid(List<FieldViolation> violations) {
        String fields = String.join(",", violations.stream().map(FieldViolation::field).toList());
        return new ServiceException(
                ErrorKind.INVALID_ARGUMENT,
                VALIDATION_FAILED,
                "The request has invalid fields: "
                        + String.join(
                                "; ",
                                violations.stream()
                                        .map(v -> v.field() + " " + v.description())
                                        .toList()),
                Map.of("fields", fields, "violationCount", Integer.toString(violations.size())),
                violations);
    }

    /** {@code dependency} (the database, another service) cannot be reached: retry later. */
    public static ServiceException unavailable(String dependency, String message) {
        return new ServiceException(
                ErrorKind.UNAVAILABLE,
                DEPENDENCY_UNAVAILABLE,
                message,
                Map.of("dependency", dependency),
                List.of());
    }

    /** The service already runs {@code maxInFlight} calls: retry with back-off. */
    public static ServiceException overloaded(int maxInFlight) {
        return new ServiceException(
                ErrorKind.UNAVAILABLE,
                OVERLOADED,
                "The service is running its limit of "
                        + maxInFlight
                        + " calls at once; retry with back-off.",
                Map.of("maxInFlight", Integer.toString(maxInFlight)),
                List.of());
    }

    public static ServiceException invalid(String field, String description) {
        return invalid(List.of(new FieldViolation(field, description)));
    }

    public static ServiceException notFound(
            String reason, String message, Map<String, String> metadata) {
        return new ServiceException(ErrorKind.NOT_FOUND, reason, message, metadata, List.of());
    }

    public static ServiceException failedPrecondition(
            String reason, String message, Map<String, String> metadata) {
        return new ServiceException(
                ErrorKind.FAILED_PRECONDITION, reason, message, metadata, List.of());
    }

    public static ServiceException alreadyExists(
            String reason, String message, Map<String, String> metadata) {
        return new ServiceException(ErrorKind.ALREADY_EXISTS, reason, message, metadata, List.of());
    }

    /**
     * The same failure with one more ErrorInfo metadata entry, e.g. mixing-service's TRTC error
     * code ({@code trtcCode}) on a validation failure.
     */
    public ServiceException withMetadata(String key, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(metadata);
        more.put(key, value);
        return new ServiceException(kind, reason, getMessage(), more, violations);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
