package dev.rtcsuite.packages.domain;

import java.time.Instant;
import java.util.UUID;

/** An application (SdkAppId) of an account; usage is accumulated per app (SPEC P-1, R-2). */
public record App(
        long sdkAppId,
        UUID accountId,
        String name,
        AppState state,
        String disabledReason,
        Instant createdTime,
        Instant updatedTime) {

    public static App create(long sdkAppId, UUID accountId, String name, Instant now) {
        return new App(sdkAppId, accountId, name.strip(), AppState.ENABLED, "", now, now);
    }

    /** Stops service for this app only; disabling a disabled app keeps its first reason. */
    public App disable(String reason, Instant now) {
        if (state == AppState.DISABLED) {
            return this;
        }
        return new App(
                sdkAppId, accountId, name, AppState.DISABLED, reason.strip(), createdTime, now);
    }

    /** Restores service for this app; enabling an enabled app changes nothing. */
    public App enable(Instant now) {
        if (state == AppState.ENABLED) {
            return this;
        }
        return new App(sdkAppId, accountId, name, AppState.ENABLED, "", createdTime, now);
    }
}
