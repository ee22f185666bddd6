package dev.rtcsuite.platform.error;

/**
 * One bad field of a request: its proto field path (e.g. {@code records[2].duration_seconds}) and
 * what is allowed there.
 */
public record FieldViolation(String field, String description) {}
