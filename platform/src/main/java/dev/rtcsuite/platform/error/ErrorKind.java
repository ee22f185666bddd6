package dev.rtcsuite.platform.error;

/** The canonical gRPC codes that domain and application code may raise (SPEC X-1). */
public enum ErrorKind {
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    FAILED_PRECONDITION,
    ABORTED,
    PERMISSION_DENIED,
    UNAUTHENTICATED,
    UNAVAILABLE
}
