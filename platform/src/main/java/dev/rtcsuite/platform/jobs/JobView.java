package dev.rtcsuite.platform.jobs;

import java.time.Instant;
import java.util.Optional;

/** A job as operators and owners read it. */
public record JobView(
        String kind,
        String key,
        byte[] payload,
        JobState state,
        Instant dueTime,
        int attempts,
        Optional<String> lastError,
        Optional<Instant> finishedTime) {}
