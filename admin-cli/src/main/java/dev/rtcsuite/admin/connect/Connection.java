package dev.rtcsuite.admin.connect;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the services: each one's host:port, and either TLS with the suite CA, the admin's
 * client certificate and access token (as the services require in production), or plaintext for
 * local development. A token is sent over plaintext too when one is given.
 */
public record Connection(
        Map<Service, String> targets,
        boolean plaintext,
        Path caCertificate,
        Path certificate,
        Path privateKey,
        Optional<Path> tokenFile) {}
