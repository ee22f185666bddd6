package dev.rtcsuite.recording.application;

import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.client.AppDirectory.AppStanding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The app checks every use case makes against package-service. */
@ApplicationScoped
public class Apps {

    private final AppDirectory directory;

    public Apps(AppDirectory directory) {
        this.directory = directory;
    }

    /** The app; NOT_FOUND APP_NOT_FOUND when package-service does not know it. */
    public AppStanding known(long sdkAppId) {
        return directory.find(sdkAppId).orElseThrow(() -> RecordingErrors.appNotFound(sdkAppId));
    }

    /** The app, which may start new work; FAILED_PRECONDITION naming its status otherwise. */
    public AppStanding inService(long sdkAppId) {
        AppStanding app = known(sdkAppId);
        if (!app.inService()) {
            throw RecordingErrors.notInService(sdkAppId, app.status());
        }
        return app;
    }

    /** The app if it may start new work; empty when unknown or out of service. */
    public Optional<AppStanding> startingWork(long sdkAppId) {
        return directory.find(sdkAppId).filter(AppStanding::inService);
    }

    /** The app, whose files may be served; FAILED_PRECONDITION while suspended or reclaimed. */
    public AppStanding serving(long sdkAppId) {
        AppStanding app = known(sdkAppId);
        if (!app.filesServed()) {
            throw RecordingErrors.notInService(sdkAppId, app.status());
        }
        return app;
    }
}
