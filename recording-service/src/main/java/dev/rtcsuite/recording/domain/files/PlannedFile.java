package dev.rtcsuite.recording.domain.files;

import dev.rtcsuite.recording.domain.FileFormat;
import java.time.Duration;
import java.time.Instant;

/** A file a task produces: its place in the task, format, name (SPEC C-4) and media span. */
public record PlannedFile(
        int sequence, FileFormat format, String name, Instant start, Instant end) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
