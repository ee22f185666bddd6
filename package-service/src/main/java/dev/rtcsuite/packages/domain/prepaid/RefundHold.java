package dev.rtcsuite.packages.domain.prepaid;

import java.util.UUID;

/** Whether a refund holds a package back from deducting (SPEC P-7). */
public sealed interface RefundHold {

    RefundHold NONE = new None();

    /** No refund under review or approved. */
    record None() implements RefundHold {}

    /** A refund is under review: the package does not deduct meanwhile. */
    record Pending(UUID refundId) implements RefundHold {}

    /** Refunded: the package is over. */
    record Refunded(UUID refundId) implements RefundHold {}
}
