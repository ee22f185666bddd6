package dev.rtcsuite.recording.domain;

import java.util.Objects;

/**
 * A room of an app: TRTC rooms have a numeric id or a string id, never both.
 *
 * @param numericId the numeric id, 0 for a string room
 * @param stringId the string id, empty for a numeric room
 */
public record Room(long numericId, String stringId) {

    public Room {
        Objects.requireNonNull(stringId);
        if ((numericId == 0) == stringId.isEmpty()) {
            throw new IllegalArgumentException("a room has exactly one of numeric and string id");
        }
    }

    public static Room numeric(long id) {
        return new Room(id, "");
    }

    public static Room named(String id) {
        return new Room(0, id);
    }

    public boolean isNumeric() {
        return numericId != 0;
    }

    /** The id as it appears in file names and default stream ids. */
    public String id() {
        return isNumeric() ? Long.toString(numericId) : stringId;
    }

    /** A key unique among an app's rooms (numeric 7 and string "7" differ). */
    public String key() {
        return isNumeric() ? "n:" + numericId : "s:" + stringId;
    }

    public static Room ofKey(String key) {
        return key.startsWith("n:")
                ? numeric(Long.parseLong(key.substring(2)))
                : named(key.substring(2));
    }
}
