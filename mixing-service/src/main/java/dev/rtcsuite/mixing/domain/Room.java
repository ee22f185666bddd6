package dev.rtcsuite.mixing.domain;

import java.util.Objects;

/**
 * A TRTC room of an app: a numeric room id or a string room id (TRTC's "...ByStrRoomId" variants).
 * A numeric room 123 and a string room "123" are different rooms.
 *
 * @param numericId the numeric room id, 0 for a string room
 * @param stringId the string room id, empty for a numeric room
 */
public record Room(long numericId, String stringId) {

    public Room {
        Objects.requireNonNull(stringId, "stringId");
        if ((numericId == 0) == stringId.isEmpty()) {
            throw new IllegalArgumentException("a room is numeric or a string, exactly one");
        }
    }

    public static Room numeric(long roomId) {
        return new Room(roomId, "");
    }

    public static Room named(String strRoomId) {
        return new Room(0, strRoomId);
    }

    public boolean isNumeric() {
        return numericId != 0;
    }

    /** A stable key that keeps numeric and string rooms apart: {@code n:123} or {@code s:abc}. */
    public String key() {
        return isNumeric() ? "n:" + numericId : "s:" + stringId;
    }

    public static Room ofKey(String key) {
        return key.startsWith("n:")
                ? numeric(Long.parseLong(key.substring(2)))
                : named(key.substring(2));
    }

    @Override
    public String toString() {
        return isNumeric() ? Long.toString(numericId) : stringId;
    }
}
