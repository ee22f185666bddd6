package dev.rtcsuite.mixing.domain.session;

import dev.rtcsuite.mixing.domain.layout.MixInput;
import java.time.Instant;
import java.util.List;

/**
 * A room's published streams as recording-service reports them (WatchRoomStreams): the full state
 * after a change.
 *
 * @param streams in room-entry order
 * @param clientMixActive anchors mix through the client SDK: the server mix API is refused
 * @param dismissed the room ended; streams is empty
 * @param version increases by one on each change of the room
 * @param updateTime when the last change happened at the media plane
 * @param snapshot the first message of a (re)connected watch
 */
public record RoomState(
        List<RoomStream> streams,
        boolean clientMixActive,
        boolean dismissed,
        long version,
        Instant updateTime,
        boolean snapshot) {

    public RoomState {
        streams = List.copyOf(streams);
    }

    public List<MixInput> inputs() {
        return streams.stream().map(RoomStream::input).toList();
    }

    /**
     * Whether this message should replace a room view of {@code knownVersion}: a change must be
     * newer; a snapshot that differs is taken as it is (a source that restarted its count).
     */
    public boolean supersedes(long knownVersion) {
        return snapshot ? version != knownVersion : version > knownVersion;
    }
}
