package dev.rtcsuite.recording.grpc;

import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.recording.domain.callback.CallbackDelivery;
import dev.rtcsuite.recording.domain.callback.CallbackEventType;
import dev.rtcsuite.recording.v1.CallbackDeliveryState;
import java.time.Instant;
import java.util.Optional;

/** Domain ↔ proto for callback deliveries. Mapping only, no rules. */
final class CallbackProtoMapper {

    private CallbackProtoMapper() {}

    static dev.rtcsuite.recording.v1.CallbackDelivery delivery(
            CallbackDelivery d, Optional<Instant> nextAttempt) {
        var proto =
                dev.rtcsuite.recording.v1.CallbackDelivery.newBuilder()
                        .setDeliveryId(d.deliveryId())
                        .setEventId(d.eventId())
                        .setSdkAppId(d.sdkAppId())
                        .setEventType(type(d.eventType()))
                        .setTaskId(d.taskId())
                        .setFileId(d.fileId())
                        .setUrl(d.url())
                        .setState(
                                CallbackDeliveryState.valueOf(
                                        "CALLBACK_DELIVERY_STATE_" + d.state().name()))
                        .setAttemptCount(d.attemptCount())
                        .setLastHttpStatus(d.lastHttpStatus())
                        .setLastError(d.lastError())
                        .setPayloadJson(d.payloadJson())
                        .setCreateTime(ProtoTime.timestamp(d.createTime()));
        nextAttempt.ifPresent(t -> proto.setNextAttemptTime(ProtoTime.timestamp(t)));
        d.lastAttemptTime().ifPresent(t -> proto.setLastAttemptTime(ProtoTime.timestamp(t)));
        d.deliverTime().ifPresent(t -> proto.setDeliverTime(ProtoTime.timestamp(t)));
        return proto.build();
    }

    static dev.rtcsuite.recording.v1.CallbackEventType type(CallbackEventType type) {
        return dev.rtcsuite.recording.v1.CallbackEventType.valueOf(
                "CALLBACK_EVENT_TYPE_" + type.name());
    }

    /** Null for UNSPECIFIED or unknown values. */
    static CallbackEventType type(dev.rtcsuite.recording.v1.CallbackEventType type) {
        String name = type.name();
        return type == dev.rtcsuite.recording.v1.CallbackEventType.CALLBACK_EVENT_TYPE_UNSPECIFIED
                        || type == dev.rtcsuite.recording.v1.CallbackEventType.UNRECOGNIZED
                ? null
                : CallbackEventType.valueOf(name.substring("CALLBACK_EVENT_TYPE_".length()));
    }

    static CallbackDelivery.State state(CallbackDeliveryState state) {
        return state == CallbackDeliveryState.CALLBACK_DELIVERY_STATE_UNSPECIFIED
                        || state == CallbackDeliveryState.UNRECOGNIZED
                ? null
                : CallbackDelivery.State.valueOf(
                        state.name().substring("CALLBACK_DELIVERY_STATE_".length()));
    }
}
