package dev.rtcsuite.mixing.domain;

import java.util.Objects;

/** One stream of a room: a user's camera or screen share. */
public record StreamKey(String userId, StreamType type) {

    public StreamKey {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
    }

    /** {@code alice:main}: unique within a room. */
    @Override
    public String toString() {
        return userId + ":" + type.label();
    }
}
