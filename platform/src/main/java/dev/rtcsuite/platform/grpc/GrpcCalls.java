package dev.rtcsuite.platform.grpc;

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

    public GrpcCalls(@ConfigProperty(name = "rtcsuite.error-domain") String errorDomain) {
        this.errors = new GrpcErrors(errorDomain);
    }

    public <T> Uni<T> answer(Supplier<T> work) {
        try {
            return Uni.createFrom().item(work.get());
        } catch (RuntimeException failure) {
            return Uni.createFrom().failure(errors.toStatusException(failure));
        }
    }
}
