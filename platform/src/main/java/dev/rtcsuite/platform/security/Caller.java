package dev.rtcsuite.platform.security;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * An authenticated caller: a signed token's claims.
 *
 * @param subject who the token was issued to, e.g. {@code recording-service} or {@code ops-alice}
 * @param sdkAppId the app the caller is bound to; an APP caller always has one
 */
public record Caller(String subject, Role role, OptionalLong sdkAppId, Instant expires) {

    public Caller {
        if (role == Role.APP && sdkAppId.isEmpty()) {
            throw new IllegalArgumentException("an APP caller is bound to an app");
        }
    }

    public boolean boundToApp() {
        return sdkAppId.isPresent();
    }
}
