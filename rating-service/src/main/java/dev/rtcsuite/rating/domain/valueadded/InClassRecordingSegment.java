package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.TimeSpan;
import java.util.Objects;

/**
 * One recorded video of an in-class recording during a span (SPEC R-6).
 *
 * @param userId whose camera, for {@link InClassVideoType#CAMERA}; empty otherwise
 */
public record InClassRecordingSegment(
        String classId, InClassVideoType videoType, String userId, TimeSpan span) {

    public InClassRecordingSegment {
        if (classId == null || classId.isBlank()) {
            throw new IllegalArgumentException("an in-class recording needs a class");
        }
        Objects.requireNonNull(videoType, "videoType");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(span, "span");
        if ((videoType == InClassVideoType.CAMERA) == userId.isBlank()) {
            throw new IllegalArgumentException(
                    "a camera video, and only a camera video, has a user");
        }
    }
}
