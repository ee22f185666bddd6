package dev.rtcsuite.admin.output;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A failed call as an operator needs to read it: which service answered, the gRPC status code and
 * message, the ErrorInfo reason, domain and metadata (e.g. mixing's `trtcCode`), every BadRequest
 * field violation, and for a mutating call that may be retried, the request id that makes the retry
 * safe.
 */
public record ErrorReport(
        String service, String target, Status status, Optional<String> requestId) {

    private static final Set<io.grpc.Status.Code> RETRYABLE =
            Set.of(
                    io.grpc.Status.Code.UNAVAILABLE,
                    io.grpc.Status.Code.DEADLINE_EXCEEDED,
                    io.grpc.Status.Code.ABORTED,
                    io.grpc.Status.Code.INTERNAL,
                    io.grpc.Status.Code.UNKNOWN);

    private static final JsonFormat.TypeRegistry DETAILS =
            JsonFormat.TypeRegistry.newBuilder()
                    .add(ErrorInfo.getDescriptor())
                    .add(BadRequest.getDescriptor())
                    .build();

    public static ErrorReport of(
            String service,
            String target,
            StatusRuntimeException failure,
            Optional<String> requestId) {
        Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            io.grpc.Status plain = failure.getStatus();
            status =
                    Status.newBuilder()
                            .setCode(plain.getCode().value())
                            .setMessage(
                                    plain.getDescription() == null
                                            ? describe(plain.getCause())
                                            : plain.getDescription())
                            .build();
        }
        return new ErrorReport(service, target, status, requestId);
    }

    public io.grpc.Status.Code code() {
        return io.grpc.Status.fromCodeValue(status.getCode()).getCode();
    }

    public String human() {
        StringBuilder text = new StringBuilder();
        text.append("error: ")
                .append(service)
                .append(" (")
                .append(target)
                .append(") answered ")
                .append(code())
                .append(": ")
                .append(status.getMessage())
                .append('\n');
        for (Any detail : status.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                ErrorInfo info = unpack(detail, ErrorInfo.class);
                text.append("  reason: ")
                        .append(info.getReason())
                        .append(" (")
                        .append(info.getDomain())
                        .append(")\n");
                new TreeMap<>(info.getMetadataMap())
                        .forEach(
                                (key, value) ->
                                        text.append("  ")
                                                .append(key)
                                                .append(": ")
                                                .append(value)
                                                .append('\n'));
            } else if (detail.is(BadRequest.class)) {
                for (BadRequest.FieldViolation violation :
                        unpack(detail, BadRequest.class).getFieldViolationsList()) {
                    text.append("  field ")
                            .append(violation.getField())
                            .append(": ")
                            .append(violation.getDescription())
                            .append('\n');
                }
            }
        }
        if (code() == io.grpc.Status.Code.UNAVAILABLE && status.getDetailsCount() == 0) {
            // No answer from the service itself: the connection failed.
            text.append("  could not reach ")
                    .append(service)
                    .append(": is it running at ")
                    .append(target)
                    .append(", and serving TLS (the default) or plaintext (--plaintext)?\n");
        }
        if (requestId.isPresent() && RETRYABLE.contains(code())) {
            text.append("  the request may or may not have been applied: repeat it with")
                    .append(" --request-id ")
                    .append(requestId.get())
                    .append(" to retry safely\n");
        }
        return text.toString();
    }

    /**
     * The service, its target, the request id and the google.rpc.Status as JSON, the code by name
     * (as buf curl prints errors).
     */
    public String json() {
        try {
            Struct.Builder statusJson = Struct.newBuilder();
            JsonFormat.parser()
                    .merge(
                            JsonFormat.printer().usingTypeRegistry(DETAILS).print(status),
                            statusJson);
            statusJson.putFields("code", text(code().name()));
            Struct.Builder error =
                    Struct.newBuilder()
                            .putFields("service", text(service))
                            .putFields("target", text(target));
            requestId.ifPresent(id -> error.putFields("requestId", text(id)));
            error.putFields("status", Value.newBuilder().setStructValue(statusJson).build());
            return JsonFormat.printer().print(error) + "\n";
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a status detail of an unknown type", e);
        }
    }

    private static Value text(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    private static <T extends com.google.protobuf.Message> T unpack(Any detail, Class<T> type) {
        try {
            return detail.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("malformed " + type.getSimpleName() + " detail", e);
        }
    }

    private static String describe(Throwable cause) {
        return cause == null ? "" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
