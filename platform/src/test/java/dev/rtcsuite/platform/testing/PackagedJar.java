package dev.rtcsuite.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a packaged service is, for tests that run it as a separate JVM. */
public final class PackagedJar {

    private PackagedJar() {}

    /**
     * The application jar in a module's {@code target} (legacy-jar packaging: its libraries in
     * {@code lib/} beside it).
     */
    public static Path runner(Path target) throws IOException {
        try (var jars = Files.newDirectoryStream(target, "*-runner.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no *-runner.jar in " + target + ": package it first");
    }
}
