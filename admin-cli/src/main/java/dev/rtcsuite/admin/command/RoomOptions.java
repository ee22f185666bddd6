package dev.rtcsuite.admin.command;

import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** A room, numeric or by string id (TRTC's "...ByStrRoomId"): exactly one of the two. */
public class RoomOptions {

    @Option(names = "--room", paramLabel = "ID", description = "numeric room id")
    Long roomId;

    @Option(names = "--str-room", paramLabel = "ID", description = "string room id")
    String strRoomId;

    /** Sets the room on a request: numeric through {@code numeric}, else {@code string}. */
    void applyTo(Consumer<Integer> numeric, Consumer<String> string) {
        if (roomId != null) {
            // uint32 on the wire: ids above 2^31 travel as the same 32 bits.
            numeric.accept((int) (long) roomId);
        } else {
            string.accept(strRoomId);
        }
    }

    static String describe(long roomId, String strRoomId) {
        return strRoomId.isEmpty()
                ? Long.toString(Integer.toUnsignedLong((int) roomId))
                : strRoomId;
    }
}
