package dev.rtcsuite.platform.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** java.time ↔ google.protobuf for the mappers of every service. */
public final class ProtoTime {

    private ProtoTime() {}

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
