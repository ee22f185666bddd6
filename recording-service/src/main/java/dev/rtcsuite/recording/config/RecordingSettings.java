package dev.rtcsuite.recording.config;

import dev.rtcsuite.recording.domain.task.TaskPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** recording-service settings ({@code rtcsuite.recording.*}). */
@ConfigMapping(prefix = "rtcsuite.recording")
public interface RecordingSettings {

    /** A task without media for this long fails with START_TIMEOUT (SPEC C-3). */
    @WithDefault("60S")
    Duration startTimeout();

    /** How long the transfer of a stopped task's files to storage takes (30 s–2 min). */
    @WithDefault("60S")
    Duration transferDelay();

    /** How often an incomplete transfer is checked again before the task fails. */
    @WithDefault("10")
    int transferChecks();

    /**
     * Address ranges (CIDR) that callback URLs may resolve to although they are loopback,
     * link-local or private (SPEC C-6), e.g. {@code 127.0.0.1/32}; none by default.
     */
    @WithDefault("none")
    List<String> callbackAllowedNetworks();

    /** Base of playback URLs; a file's URL is this plus its storage path. */
    @WithDefault("https://media.rtcsuite.local")
    String playbackBaseUrl();

    /** Key that signs playback URLs (HMAC-SHA256). */
    @WithDefault("rtcsuite-playback-signing-key-change-me")
    String playbackSigningKey();

    /**
     * Whether to follow package-service's WatchServiceStatus, so that the running tasks of an app
     * that goes out of service are stopped and a reclaimed account's files purged (SPEC P-6).
     */
    @WithDefault("true")
    boolean statusWatch();

    /** First delay before the status watch is opened again; it doubles up to the maximum. */
    @WithDefault("1S")
    Duration statusWatchFirstRetry();

    /** Longest delay before the status watch is opened again. */
    @WithDefault("60S")
    Duration statusWatchMaxRetry();

    default TaskPolicy taskPolicy() {
        return new TaskPolicy(startTimeout(), transferDelay(), transferChecks());
    }
}
