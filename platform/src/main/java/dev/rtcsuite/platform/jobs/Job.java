package dev.rtcsuite.platform.jobs;

import java.time.Instant;

/**
 * A due job as its handler sees it.
 *
 * @param attempts the attempts before this one (0 on the first run)
 */
public record Job(
        long id, String kind, String key, byte[] payload, Instant dueTime, int attempts) {}
