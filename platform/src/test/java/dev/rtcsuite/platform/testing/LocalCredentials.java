package dev.rtcsuite.platform.testing;

import dev.rtcsuite.platform.security.AccessTokens;
import dev.rtcsuite.platform.security.Caller;
import dev.rtcsuite.platform.security.Role;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The credentials that {@code ./rtcsuite credentials DIR} makes (a local CA, a certificate per
 * service and for admin tools, the token issuer's keys, access tokens), for tests that run the
 * packaged services as production runs them: over TLS, every call with an access token.
 */
public record LocalCredentials(Path dir) {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /** Makes the credentials in {@code dir} with the repository's {@code rtcsuite} script. */
    public static LocalCredentials make(Path repositoryRoot, Path dir) {
        try {
            Process script =
                    new ProcessBuilder(
                                    "bash",
                                    repositoryRoot.resolve("rtcsuite").toString(),
                                    "credentials",
                                    dir.toAbsolutePath().toString())
                            .redirectErrorStream(true)
                            .start();
            String output = new String(script.getInputStream().readAllBytes());
            if (!script.waitFor(60, TimeUnit.SECONDS) || script.exitValue() != 0) {
                throw new IllegalStateException("./rtcsuite credentials failed:\n" + output);
            }
            return new LocalCredentials(dir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The environment that runs {@code service} (recording, mixing, rating, package) securely. */
    public Map<String, String> environment(String service) {
        return Map.of(
                "RTCSUITE_TLS_CERT", file(service + ".pem"),
                "RTCSUITE_TLS_KEY", file(service + ".key"),
                "RTCSUITE_TLS_CA", file("ca.pem"),
                "RTCSUITE_TOKEN_KEY", file("issuer.pub"),
                "RTCSUITE_SERVICE_TOKEN", file(service + ".token"));
    }

    /** A TLS channel presenting the admin certificate, each call with {@code who}'s token. */
    public ManagedChannel channel(int port, String who) {
        return channelWithToken(port, token(who));
    }

    /** A TLS channel presenting the admin certificate, each call with {@code token}. */
    public ManagedChannel channelWithToken(int port, String token) {
        try {
            ManagedChannel channel =
                    NettyChannelBuilder.forAddress("127.0.0.1", port)
                            .sslContext(
                                    GrpcSslContexts.forClient()
                                            .trustManager(dir.resolve("ca.pem").toFile())
                                            .keyManager(
                                                    dir.resolve("admin.pem").toFile(),
                                                    dir.resolve("admin.key").toFile())
                                            .build())
                            .build();
            return new TokenChannel(channel, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An access token made with the credentials: admin, media, or a service's name. */
    public String token(String who) {
        try {
            return Files.readString(dir.resolve(who + ".token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token of an application server bound to {@code sdkAppId}, signed by the issuer. */
    public String appToken(long sdkAppId) {
        try {
            return AccessTokens.mint(
                    new Caller(
                            "app-" + sdkAppId,
                            Role.APP,
                            OptionalLong.of(sdkAppId),
                            Instant.now().plus(Duration.ofHours(1))),
                    AccessTokens.privateKey(Files.readString(dir.resolve("issuer.key"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trusts the local CA, for HTTPS calls to health and metrics. */
    public SSLContext sslContext() {
        try (InputStream ca = Files.newInputStream(dir.resolve("ca.pem"))) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    /** A channel whose calls all carry one access token. */
    private static final class TokenChannel extends ManagedChannel {
        private final ManagedChannel channel;
        private final io.grpc.Channel withToken;

        TokenChannel(ManagedChannel channel, String token) {
            this.channel = channel;
            Metadata headers = new Metadata();
            headers.put(AUTHORIZATION, "Bearer " + token);
            this.withToken =
                    ClientInterceptors.intercept(
                            channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        }

        @Override
        public <Q, R> io.grpc.ClientCall<Q, R> newCall(
                io.grpc.MethodDescriptor<Q, R> method, io.grpc.CallOptions options) {
            return withToken.newCall(method, options);
        }

        @Override
        public String authority() {
            return channel.authority();
        }

        @Override
        public ManagedChannel shutdown() {
            return channel.shutdown();
        }

        @Override
        public boolean isShutdown() {
            return channel.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return channel.isTerminated();
        }

        @Override
        public ManagedChannel shutdownNow() {
            return channel.shutdownNow();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return channel.awaitTermination(timeout, unit);
        }
    }
}
