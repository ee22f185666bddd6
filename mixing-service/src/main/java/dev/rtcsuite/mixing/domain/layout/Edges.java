package dev.rtcsuite.mixing.domain.layout;

/**
 * Exact pixel edges: MIXING.md computes a right/bottom edge as round(fraction × W or H), so that
 * adjacent cells share an edge. Fractions are kept as integer ratios and rounded half up, never
 * through floating point, so equal fractions always give equal edges.
 */
final class Edges {

    private Edges() {}

    /** round(numerator × size / denominator), halves rounded up; all operands ≥ 0. */
    static int of(long numerator, long denominator, int size) {
        long scaled = numerator * size;
        return (int) ((2 * scaled + denominator) / (2 * denominator));
    }
}
