package dev.rtcsuite.rating.domain.base;

import dev.rtcsuite.rating.domain.TimeSpan;
import java.util.Objects;

/** A user in a room during a span; a user may enter and leave many times (SPEC R-3). */
public record Presence(String roomId, String userId, TimeSpan span) implements RoomFact {

    public Presence {
        RoomFact.requireId(roomId, "roomId");
        RoomFact.requireId(userId, "userId");
        Objects.requireNonNull(span, "span");
    }
}
