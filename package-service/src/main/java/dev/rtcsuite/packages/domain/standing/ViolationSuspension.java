package dev.rtcsuite.packages.domain.standing;

import java.time.Instant;

/** A permanent suspension for a content violation (SPEC P-6), with the operator's reason. */
public record ViolationSuspension(Instant time, String reason) {}
