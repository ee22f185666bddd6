package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.domain.RecordingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Per-app recording configuration (SPEC C-1). Until configuration can be written (issue #5), every
 * known app has the defaults: recording off.
 */
@ApplicationScoped
public class RecordingConfigs {

    public static final String APP_NOT_FOUND = "APP_NOT_FOUND";

    private final AppDirectory apps;

    public RecordingConfigs(AppDirectory apps) {
        this.apps = apps;
    }

    public RecordingConfig config(long sdkAppId) {
        new FieldChecks()
                .check(sdkAppId > 0, "sdk_app_id", "required: a positive SdkAppId")
                .throwIfInvalid();
        apps.find(sdkAppId)
                .orElseThrow(
                        () ->
                                ServiceException.notFound(
                                        APP_NOT_FOUND,
                                        "No app with SdkAppId " + sdkAppId + ".",
                                        Map.of("sdkAppId", Long.toString(sdkAppId))));
        return RecordingConfig.defaults(sdkAppId);
    }
}
