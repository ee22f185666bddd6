package dev.rtcsuite.platform.grpc;

import com.google.protobuf.Message;
import dev.rtcsuite.platform.error.ServiceException;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Passes a call's request messages on while {@code check} finds nothing wrong with them; the first
 * message it refuses ends the call with that error, before the service sees it (client streams
 * included: nothing after it is delivered).
 */
public final class GuardedListener<Q> extends SimpleForwardingServerCallListener<Q> {

    private final ServerCall<Q, ?> call;
    private final GrpcErrors errors;
    private final Function<Message, Optional<ServiceException>> check;
    private boolean refused;

    public GuardedListener(
            ServerCall.Listener<Q> delegate,
            ServerCall<Q, ?> call,
            GrpcErrors errors,
            Function<Message, Optional<ServiceException>> check) {
        super(delegate);
        this.call = call;
        this.errors = errors;
        this.check = check;
    }

    @Override
    public void onMessage(Q message) {
        if (refused) {
            return;
        }
        Optional<ServiceException> failure = check.apply((Message) message);
        if (failure.isPresent()) {
            refused = true;
            close(call, errors, failure.get());
            return;
        }
        super.onMessage(message);
    }

    @Override
    public void onHalfClose() {
        if (!refused) {
            super.onHalfClose();
        }
    }

    /** Ends {@code call} with {@code failure} as every RPC answers errors. */
    public static void close(ServerCall<?, ?> call, GrpcErrors errors, ServiceException failure) {
        StatusRuntimeException status = errors.toStatusException(failure);
        call.close(
                status.getStatus(),
                Optional.ofNullable(status.getTrailers()).orElseGet(Metadata::new));
    }
}
