package dev.rtcsuite.rating.domain;

/**
 * Rated usage: what a rater makes of reported facts, ready to be accumulated into a day.
 * Either time ({@link TimedUsage}) or a quantity ({@link QuantityUsage}).
 */
public sealed interface Usage permits TimedUsage, QuantityUsage {

    /** What the usage is charged as. */
    ChargeKey key();
}
