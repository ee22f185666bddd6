package dev.rtcsuite.platform.grpc;

import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import com.google.type.Date;
import com.google.type.Decimal;
import com.google.type.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Messages from outside our proto package that the native executable must reach reflectively: the
 * error details (AIP-193) are packed into and unpacked from {@code Any}, which finds a type's
 * default instance by reflection, and the common types our messages embed are printed and parsed
 * through descriptors. The gRPC extension registers only the messages of our own services.
 */
@RegisterForReflection(
        targets = {
            Status.class,
            ErrorInfo.class,
            BadRequest.class,
            BadRequest.FieldViolation.class,
            Date.class,
            Decimal.class,
            Money.class,
            Timestamp.class,
            Duration.class,
            FieldMask.class
        },
        methods = true,
        fields = true)
final class NativeReflection {
    private NativeReflection() {}
}
