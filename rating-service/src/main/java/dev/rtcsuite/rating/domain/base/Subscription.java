package dev.rtcsuite.rating.domain.base;

import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.tier.Resolution;
import java.util.Objects;

/**
 * A receiver receiving one stream of a sender during a span (SPEC R-3).
 *
 * @param received the video resolution actually received; {@link Resolution#NONE} when no picture
 *     is received (audio-only sender, camera off, network loss)
 */
public record Subscription(
        String roomId,
        String receiverId,
        String senderId,
        StreamType stream,
        Resolution received,
        TimeSpan span)
        implements RoomFact {

    public Subscription {
        RoomFact.requireId(roomId, "roomId");
        RoomFact.requireId(receiverId, "receiverId");
        RoomFact.requireId(senderId, "senderId");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(span, "span");
        if (receiverId.equals(senderId)) {
            throw new IllegalArgumentException(receiverId + " cannot subscribe to itself");
        }
    }

    @Override
    public String userId() {
        return receiverId;
    }

    /** The stream subscribed to: a sender's camera and screen share are different streams. */
    public StreamId streamId() {
        return new StreamId(senderId, stream);
    }

    /** A sender's stream. */
    public record StreamId(String senderId, StreamType stream) {}
}
