package dev.rtcsuite.platform.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every RPC of a v1 contract is served; one whose implementation has not landed answers
 * UNIMPLEMENTED with a message naming the issue that brings it, never a fake success. The generated
 * service base answers a bare UNIMPLEMENTED; this adds the note.
 */
@GlobalInterceptor
@ApplicationScoped
public class UnimplementedRpcNote implements ServerInterceptor {

    private final String pendingIssue;

    public UnimplementedRpcNote(
            @ConfigProperty(name = "rtcsuite.grpc.pending-issue", defaultValue = "a later issue")
                    String pendingIssue) {
        this.pendingIssue = pendingIssue;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        return next.startCall(
                new SimpleForwardingServerCall<>(call) {
                    @Override
                    public void close(Status status, Metadata trailers) {
                        if (status.getCode() == Status.Code.UNIMPLEMENTED) {
                            status =
                                    status.withDescription(
                                            method
                                                    + " is not implemented yet: it arrives with "
                                                    + pendingIssue
                                                    + ".");
                        }
                        super.close(status, trailers);
                    }
                },
                headers);
    }
}
