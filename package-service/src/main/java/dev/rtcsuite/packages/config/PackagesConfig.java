package dev.rtcsuite.packages.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** package-service settings ({@code rtcsuite.packages.*}). */
@ConfigMapping(prefix = "rtcsuite.packages")
public interface PackagesConfig {

    /** How long a bought package waits before it deducts (SPEC P-3). */
    @WithDefault("5M")
    Duration activationDelay();

    /**
     * How long after the end of a billing day it is settled: rating-service closes its last
     * intervals a few minutes after midnight and needs them folded into its daily bill.
     */
    @WithDefault("30M")
    Duration settlementDelay();

    /**
     * How many deduction batches one replica applies at once (each in its own transaction). An
     * account always uses the same one, so its intervals keep their order.
     */
    @WithDefault("4")
    int deductionLanes();

    /** Deadline of calls to rating-service. */
    @WithDefault("5S")
    Duration callDeadline();
}
