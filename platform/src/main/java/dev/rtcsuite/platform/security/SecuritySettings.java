package dev.rtcsuite.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Caller authentication (SPEC X-5); see platform's microprofile-config.properties. */
@ConfigMapping(prefix = "rtcsuite.security")
public interface SecuritySettings {

    /** Whether calls must carry a valid access token. Off only for local development and tests. */
    @WithDefault("true")
    boolean enabled();

    /** The token issuer's Ed25519 public key (PEM); required when enabled. */
    Optional<Path> tokenKey();

    /** This service's own access token, sent on its calls to the other services. */
    Optional<Path> serviceToken();
}
