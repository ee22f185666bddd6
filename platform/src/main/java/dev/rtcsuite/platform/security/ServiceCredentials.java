package dev.rtcsuite.platform.security;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Sends this service's access token on every call it makes to the other services (all injected gRPC
 * clients), re-read when the token file is rotated.
 */
@GlobalInterceptor
@ApplicationScoped
public class ServiceCredentials implements ClientInterceptor {

    private final Optional<ReloadingFile<String>> token;

    public ServiceCredentials(SecuritySettings settings) {
        this.token = settings.serviceToken().map(path -> new ReloadingFile<>(path, String::strip));
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(
            MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        ClientCall<Q, R> call = next.newCall(method, options);
        if (token.isEmpty()) {
            return call;
        }
        return new SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.put(AccessInterceptor.AUTHORIZATION, "Bearer " + token.get().get());
                super.start(listener, headers);
            }
        };
    }
}
