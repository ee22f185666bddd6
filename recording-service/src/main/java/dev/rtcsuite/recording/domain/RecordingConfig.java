package dev.rtcsuite.recording.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An app's recording configuration (SPEC C-1). Recording is off until an operator enables it.
 *
 * @param updatedTime empty while the configuration has never been written
 */
public record RecordingConfig(
        long sdkAppId,
        boolean enabled,
        RecordingMode mode,
        List<FileFormat> formats,
        int maxFileDurationMinutes,
        int retentionDays,
        int resumeTimeoutSeconds,
        String storageSubApp,
        String callbackUrl,
        boolean callbackKeySet,
        Optional<Instant> updatedTime) {

    /** What an app that never configured recording has: off, HLS, files kept forever. */
    public static RecordingConfig defaults(long sdkAppId) {
        return new RecordingConfig(
                sdkAppId,
                false,
                RecordingMode.GLOBAL_AUTO,
                List.of(FileFormat.HLS),
                120,
                0,
                0,
                "",
                "",
                false,
                Optional.empty());
    }
}
