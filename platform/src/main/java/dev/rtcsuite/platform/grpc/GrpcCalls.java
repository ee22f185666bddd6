package dev.rtcsuite.platform.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.idempotency.RequestIds;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the body of a unary RPC on a virtual thread, within the service's limit of calls at once,
 * and answers its result, or its failure mapped by {@link GrpcErrors}.
 *
 * <p>Why not {@code @RunOnVirtualThread} on the RPC methods: in Quarkus 3.31 with the unified
 * HTTP/gRPC server, it defers the call's start so that a half-close can overtake the request
 * message, and unary calls then fail with "INTERNAL: Half-closed without a request"
 * (quarkusio/quarkus#48940, fixed in later releases). The method stays on the event loop, which
 * only hands the work to a virtual thread here.
 */
@ApplicationScoped
public class GrpcCalls {

    private final GrpcErrors errors;
    private final RequestIds requestIds;
    private final ExecutorService virtualThreads;
    private final CallLimit limit;

    public GrpcCalls(
            @ConfigProperty(name = "rtcsuite.error-domain") String errorDomain,
            RequestIds requestIds,
            @VirtualThreads ExecutorService virtualThreads,
            CallLimit limit) {
        this.errors = new GrpcErrors(errorDomain);
        this.requestIds = requestIds;
        this.virtualThreads = virtualThreads;
        this.limit = limit;
    }

    /** Runs {@code work} within the service's {@link CallLimit}. */
    public <T> Uni<T> answer(Supplier<T> work) {
        return Uni.createFrom()
                .item(() -> limit.run(work))
                .runSubscriptionOn(virtualThreads)
                .onFailure()
                .transform(errors::toStatusException);
    }

    /** The status {@code refusal} is answered with, for one item of a batch response. */
    public com.google.rpc.Status status(ServiceException refusal) {
        return errors.status(refusal);
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
