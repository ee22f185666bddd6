package dev.rtcsuite.mixing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** mixing-service settings ({@code rtcsuite.mixing.*}). */
@ConfigMapping(prefix = "rtcsuite.mixing")
public interface MixingConfig {

    /** How long StartMCUMixTranscode waits for the room's streams from recording-service. */
    @WithDefault("3S")
    Duration roomSnapshotWait();

    /** First delay before a broken room watch reconnects; doubles up to {@link #watchRetryMax}. */
    @WithDefault("1S")
    Duration watchRetryFirst();

    @WithDefault("30S")
    Duration watchRetryMax();

    /** How long ended sessions stay queryable before they are purged (at least 24 h). */
    @WithDefault("P7D")
    Duration endedRetention();

    /** Deadline of unary calls to the other services. */
    @WithDefault("3S")
    Duration callDeadline();
}
