package dev.rtcsuite.platform.security;

import dev.rtcsuite.platform.error.ErrorKind;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.grpc.GrpcErrors;
import dev.rtcsuite.platform.grpc.GuardedListener;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Authenticates every call by its access token, authorises it by the method's rule, and keeps a
 * caller bound to an app inside that app, message by message (client streams included). Runs before
 * any other interceptor; health and reflection stay open.
 */
@GlobalInterceptor
@ApplicationScoped
public class AccessInterceptor implements ServerInterceptor, Prioritized {

    private static final Logger LOG = Logger.getLogger(AccessInterceptor.class);

    /** The authenticated caller of the current call. */
    public static final Context.Key<Caller> CALLER = Context.key("rtcsuite-caller");

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final String BEARER = "Bearer ";

    private final SecuritySettings settings;
    private final AccessPolicy policy;
    private final GrpcErrors errors;
    private final Clock clock;
    private final ReloadingFile<PublicKey> issuerKey;
    private final VerifiedTokens verifiedTokens = new VerifiedTokens();

    public AccessInterceptor(
            SecuritySettings settings,
            AccessPolicy policy,
            @ConfigProperty(name = "rtcsuite.error-domain") String errorDomain,
            Clock clock) {
        this.settings = settings;
        this.policy = policy;
        this.errors = new GrpcErrors(errorDomain);
        this.clock = clock;
        // Refuses to start with authentication on and no key to check tokens against.
        this.issuerKey =
                !settings.enabled()
                        ? null
                        : new ReloadingFile<>(
                                settings.tokenKey()
                                        .orElseThrow(
                                                () ->
                                                        new IllegalStateException(
                                                                "rtcsuite.security.token-key"
                                                                        + " (RTCSUITE_TOKEN_KEY) must"
                                                                        + " name the token issuer's"
                                                                        + " public key, or set"
                                                                        + " rtcsuite.security.enabled"
                                                                        + "=false for local"
                                                                        + " development")),
                                AccessTokens::publicKey);
    }

    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        if (!settings.enabled() || policy.open(method)) {
            return next.startCall(call, headers);
        }
        Caller caller;
        try {
            caller = authenticate(headers);
        } catch (AccessTokens.InvalidToken e) {
            return refuse(call, ErrorKind.UNAUTHENTICATED, "UNAUTHENTICATED", e.getMessage());
        }
        if (!policy.allows(method, caller.role())) {
            return refuse(
                    call,
                    ErrorKind.PERMISSION_DENIED,
                    "METHOD_NOT_ALLOWED",
                    "role "
                            + caller.role()
                            + " may not call "
                            + method
                            + "; allowed: "
                            + Stream.concat(Stream.of(Role.ADMIN), policy.roles(method).stream())
                                    .map(Role::name)
                                    .collect(Collectors.joining(", ")));
        }
        ServerCall.Listener<Q> listener =
                Contexts.interceptCall(
                        Context.current().withValue(CALLER, caller), call, headers, next);
        if (!caller.boundToApp()) {
            return listener;
        }
        long sdkAppId = caller.sdkAppId().orElseThrow();
        // Only messages inside the caller's app reach the service; the first outside ends the call.
        return new GuardedListener<>(
                listener,
                call,
                errors,
                message ->
                        AppScope.violation(message, sdkAppId)
                                .map(
                                        why ->
                                                failure(
                                                        call,
                                                        ErrorKind.PERMISSION_DENIED,
                                                        "OUTSIDE_CALLER_APP",
                                                        why)));
    }

    /**
     * Whether an {@code authorization} header value admits a caller of {@code role}, for endpoints
     * outside gRPC; always when callers are not authenticated.
     */
    public boolean admits(String authorization, Role role) {
        if (!settings.enabled()) {
            return true;
        }
        try {
            return authenticate(authorization).role() == role;
        } catch (AccessTokens.InvalidToken e) {
            return false;
        }
    }

    private Caller authenticate(Metadata headers) throws AccessTokens.InvalidToken {
        return authenticate(headers.get(AUTHORIZATION));
    }

    private Caller authenticate(String authorization) throws AccessTokens.InvalidToken {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw new AccessTokens.InvalidToken(
                    "no access token: send the header 'authorization: Bearer <token>'");
        }
        return verifiedTokens.verify(
                authorization.substring(BEARER.length()).strip(), issuerKey.get(), clock.instant());
    }

    /**
     * Ends the call before the service sees it. The Vert.x gRPC transport installs the listener
     * only after interceptCall returns and its close() notifies that listener, so there the close
     * waits for the next turn of the call's event loop (closing at once threw inside the transport
     * and logged an error for every refused call).
     */
    private <Q, R> ServerCall.Listener<Q> refuse(
            ServerCall<Q, R> call, ErrorKind kind, String reason, String message) {
        // An audit line without the credentials: the method, the reason and why (never the token).
        LOG.infof(
                "refused %s: %s, %s",
                call.getMethodDescriptor().getFullMethodName(), reason, message);
        io.vertx.core.Context eventLoop = Vertx.currentContext();
        if (eventLoop == null) {
            close(call, kind, reason, message);
        } else {
            eventLoop.runOnContext(ignored -> close(call, kind, reason, message));
        }
        return new ServerCall.Listener<>() {};
    }

    private void close(ServerCall<?, ?> call, ErrorKind kind, String reason, String message) {
        GuardedListener.close(call, errors, failure(call, kind, reason, message));
    }

    private static ServiceException failure(
            ServerCall<?, ?> call, ErrorKind kind, String reason, String message) {
        return new ServiceException(
                kind,
                reason,
                message,
                Map.of("method", call.getMethodDescriptor().getFullMethodName()),
                List.of());
    }
}
