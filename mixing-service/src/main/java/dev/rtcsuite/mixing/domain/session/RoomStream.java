package dev.rtcsuite.mixing.domain.session;

import dev.rtcsuite.mixing.domain.layout.MixInput;

/** A published stream of a room and its stream id. */
public record RoomStream(MixInput input, String streamId) {}
