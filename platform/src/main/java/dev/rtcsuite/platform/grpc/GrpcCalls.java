package dev.rtcsuite.platform.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.rtcsuite.platform.idempotency.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the body of a unary RPC and answers its result, or its failure mapped by {@link GrpcErrors}.
 * The work runs eagerly on the calling (virtual) thread, never on the event loop.
 */
@ApplicationScoped
public class GrpcCalls {

    private final GrpcErrors errors;
    private final RequestIds requestIds;

    public GrpcCalls(
            @ConfigProperty(name = "rtcsuite.error-domain") String errorDomain,
            RequestIds requestIds) {
        this.errors = new GrpcErrors(errorDomain);
        this.requestIds = requestIds;
    }

    public <T> Uni<T> answer(Supplier<T> work) {
        try {
            return Uni.createFrom().item(work.get());
        } catch (RuntimeException failure) {
            return Uni.createFrom().failure(errors.toStatusException(failure));
        }
    }

    /**
     * Answers a mutating RPC idempotently on its request id (SPEC X-2): see {@link
     * RequestIds#once}.
     */
    public <R extends Message> Uni<R> once(
            String method, String requestId, Message request, Parser<R> parser, Supplier<R> work) {
        return answer(() -> requestIds.once(method, requestId, request, parser, work));
    }
}
