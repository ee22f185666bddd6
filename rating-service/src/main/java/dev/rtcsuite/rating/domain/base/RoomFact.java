package dev.rtcsuite.rating.domain.base;

import dev.rtcsuite.rating.domain.TimeSpan;

/** A fact the media plane reports about a user in a room (SPEC R-3). */
public sealed interface RoomFact permits Presence, Subscription {

    String roomId();

    /** The user the fact is about: present, or receiving (and paying). */
    String userId();

    TimeSpan span();

    static String requireId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
