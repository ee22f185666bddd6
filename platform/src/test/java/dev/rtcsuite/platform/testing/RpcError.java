package dev.rtcsuite.platform.testing;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a failed RPC answered, read back the way a client reads it: the code, the one ErrorInfo, and
 * the field violations of a BadRequest (field → description).
 */
public record RpcError(
        Code code,
        String message,
        String reason,
        String domain,
        Map<String, String> metadata,
        Map<String, String> violations,
        int errorInfoCount) {

    /** Runs {@code call}, which must fail with a StatusRuntimeException, and reads its answer. */
    public static RpcError of(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return read(e);
        }
        throw new AssertionError("the call succeeded; expected it to fail");
    }

    public static RpcError read(StatusRuntimeException e) {
        Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return new RpcError(
                    e.getStatus().getCode(),
                    e.getStatus().getDescription(),
                    "",
                    "",
                    Map.of(),
                    Map.of(),
                    0);
        }
        ErrorInfo info = ErrorInfo.getDefaultInstance();
        int infos = 0;
        Map<String, String> violations = new LinkedHashMap<>();
        for (Any detail : status.getDetailsList()) {
            try {
                if (detail.is(ErrorInfo.class)) {
                    info = detail.unpack(ErrorInfo.class);
                    infos++;
                } else if (detail.is(BadRequest.class)) {
                    for (BadRequest.FieldViolation violation :
                            detail.unpack(BadRequest.class).getFieldViolationsList()) {
                        violations.put(violation.getField(), violation.getDescription());
                    }
                }
            } catch (InvalidProtocolBufferException unreadable) {
                throw new AssertionError("unreadable error detail", unreadable);
            }
        }
        return new RpcError(
                e.getStatus().getCode(),
                status.getMessage(),
                info.getReason(),
                info.getDomain(),
                info.getMetadataMap(),
                violations,
                infos);
    }

    public List<String> violatedFields() {
        return List.copyOf(violations.keySet());
    }
}
