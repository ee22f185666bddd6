package dev.rtcsuite.mixing.client;

import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.session.RoomState;

/** A room's streams after a change (or on (re)connection), as a CDI event, in order per room. */
public record RoomUpdate(long sdkAppId, Room room, RoomState state) {}
