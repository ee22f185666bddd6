package dev.rtcsuite.rating.domain.estimate;

import dev.rtcsuite.rating.domain.StreamType;
import java.util.Objects;

/** A stream a scenario user subscribes to: a sender's camera (MAIN) or screen share (AUX). */
public record ScenarioSubscription(String senderId, StreamType stream) {

    public ScenarioSubscription {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(stream, "stream");
    }
}
