package dev.rtcsuite.rating.domain.estimate;

import dev.rtcsuite.rating.domain.valueadded.RecordingType;
import java.util.List;
import java.util.Objects;

/**
 * Cloud recording in a scenario: every stream of the recorded users is a recorder input.
 *
 * @param userIds the recorded users; empty = every user who sends
 */
public record RecordingOption(RecordingType type, int formatCount, List<String> userIds) {

    public RecordingOption {
        Objects.requireNonNull(type, "type");
        if (formatCount < 1) {
            throw new IllegalArgumentException("format count must be ≥ 1, was " + formatCount);
        }
        userIds = List.copyOf(userIds);
    }
}
