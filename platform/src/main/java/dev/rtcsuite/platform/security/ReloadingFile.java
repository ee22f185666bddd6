package dev.rtcsuite.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.function.Function;

/**
 * A small file (a key, a token) read again when it changes on disk, looked at most every few
 * seconds: Kubernetes updates mounted Secrets in place, and a rotated credential takes effect
 * without a restart.
 */
final class ReloadingFile<T> {

    private static final long CHECK_NANOS = Duration.ofSeconds(5).toNanos();

    private final Path path;
    private final Function<String, T> parse;
    private T value;
    private FileTime modified;
    private long checked;

    ReloadingFile(Path path, Function<String, T> parse) {
        this.path = path;
        this.parse = parse;
        reload();
    }

    synchronized T get() {
        long now = System.nanoTime();
        if (now - checked > CHECK_NANOS) {
            checked = now;
            try {
                if (!Files.getLastModifiedTime(path).equals(modified)) {
                    reload();
                }
            } catch (IOException | RuntimeException e) {
                // Keep the last good value: a half-written file is picked up on the next look.
            }
        }
        return value;
    }

    private void reload() {
        try {
            FileTime time = Files.getLastModifiedTime(path);
            value = parse.apply(Files.readString(path, StandardCharsets.UTF_8));
            modified = time;
            checked = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
