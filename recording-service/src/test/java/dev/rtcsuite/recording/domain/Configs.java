package dev.rtcsuite.recording.domain;

import java.util.List;
import java.util.Optional;

/** Recording configurations for tests. */
public final class Configs {

    private Configs() {}

    public static RecordingConfig enabled(long app, RecordingMode mode, List<FileFormat> formats) {
        return new RecordingConfig(
                app, true, mode, formats, 120, 0, 0, "", "", false, Optional.empty());
    }

    public static RecordingConfig with(
            RecordingConfig c,
            List<FileFormat> formats,
            int maxMinutes,
            int retention,
            int resume) {
        return new RecordingConfig(
                c.sdkAppId(),
                c.enabled(),
                c.mode(),
                formats,
                maxMinutes,
                retention,
                resume,
                c.storageSubApp(),
                c.callbackUrl(),
                c.callbackKeySet(),
                c.updatedTime());
    }

    public static RecordingConfig withText(RecordingConfig c, String subApp, String callbackUrl) {
        return new RecordingConfig(
                c.sdkAppId(),
                c.enabled(),
                c.mode(),
                c.formats(),
                c.maxFileDurationMinutes(),
                c.retentionDays(),
                c.resumeTimeoutSeconds(),
                subApp,
                callbackUrl,
                c.callbackKeySet(),
                c.updatedTime());
    }
}
