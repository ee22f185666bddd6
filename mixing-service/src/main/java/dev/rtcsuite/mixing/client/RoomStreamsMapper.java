package dev.rtcsuite.mixing.client;

import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.session.RoomState;
import dev.rtcsuite.mixing.domain.session.RoomStream;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.recording.v1.RoomStreams;
import dev.rtcsuite.recording.v1.WatchRoomStreamsRequest;
import dev.rtcsuite.recording.v1.WatchRoomStreamsResponse;
import java.time.Instant;

/** recording.v1 room messages ↔ the domain's room state. */
final class RoomStreamsMapper {

    private RoomStreamsMapper() {}

    static WatchRoomStreamsRequest request(long sdkAppId, Room room) {
        WatchRoomStreamsRequest.Builder request =
                WatchRoomStreamsRequest.newBuilder().setSdkAppId(sdkAppId);
        return room.isNumeric()
                ? request.setRoomId((int) room.numericId()).build()
                : request.setStrRoomId(room.stringId()).build();
    }

    static RoomState state(WatchRoomStreamsResponse response, Instant now) {
        RoomStreams room = response.getRoom();
        return new RoomState(
                room.getStreamsList().stream()
                        .map(
                                s ->
                                        new RoomStream(
                                                new MixInput(
                                                        s.getUserId(),
                                                        s.getStreamType()
                                                                        == dev.rtcsuite.common.v1
                                                                                .StreamType
                                                                                .STREAM_TYPE_AUX
                                                                ? StreamType.AUX
                                                                : StreamType.MAIN,
                                                        s.getHasAudio(),
                                                        s.getHasVideo(),
                                                        s.getWidth(),
                                                        s.getHeight()),
                                                s.getStreamId()))
                        .toList(),
                room.getClientMixActive(),
                room.getDismissed(),
                room.getVersion(),
                room.hasUpdateTime() ? ProtoTime.instant(room.getUpdateTime()) : now,
                response.getSnapshot());
    }
}
