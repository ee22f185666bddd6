package dev.rtcsuite.admin.connect;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Netty channels to the real services, over TLS (client certificate + token) or plaintext. */
public final class GrpcChannels implements Channels {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Connection connection;
    private final Map<Service, ManagedChannel> open = new EnumMap<>(Service.class);

    public GrpcChannels(Connection connection) {
        this.connection = connection;
    }

    @Override
    public synchronized Channel channel(Service service) {
        ManagedChannel channel = open.computeIfAbsent(service, this::open);
        return connection
                .tokenFile()
                .map(GrpcChannels::read)
                .<Channel>map(
                        token -> {
                            Metadata headers = new Metadata();
                            headers.put(AUTHORIZATION, "Bearer " + token);
                            return ClientInterceptors.intercept(
                                    channel, MetadataUtils.newAttachHeadersInterceptor(headers));
                        })
                .orElse(channel);
    }

    @Override
    public String target(Service service) {
        return connection.targets().get(service);
    }

    private ManagedChannel open(Service service) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(target(service));
        if (connection.plaintext()) {
            return builder.usePlaintext().build();
        }
        for (Path file :
                List.of(
                        connection.caCertificate(),
                        connection.certificate(),
                        connection.privateKey())) {
            requireFile(file);
        }
        try {
            return builder.sslContext(
                            GrpcSslContexts.forClient()
                                    .trustManager(connection.caCertificate().toFile())
                                    .keyManager(
                                            connection.certificate().toFile(),
                                            connection.privateKey().toFile())
                                    .build())
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw new CredentialsUnusable(
                    "cannot use the TLS credentials ("
                            + connection.caCertificate()
                            + ", "
                            + connection.certificate()
                            + ", "
                            + connection.privateKey()
                            + "): "
                            + e.getMessage());
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CredentialsUnusable(
                    "missing "
                            + file
                            + ": make local credentials with `./rtcsuite credentials`, or point"
                            + " --credentials (or --cacert, --cert, --key, --token-file) at yours");
        }
    }

    private static String read(Path tokenFile) {
        requireFile(tokenFile);
        try {
            return Files.readString(tokenFile).strip();
        } catch (IOException e) {
            throw new CredentialsUnusable("cannot read the access token " + tokenFile + ": " + e);
        }
    }

    @Override
    public synchronized void close() {
        for (ManagedChannel channel : open.values()) {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        open.clear();
    }

    /** Credentials missing or unreadable: a setup problem, reported without a stack trace. */
    public static final class CredentialsUnusable extends UncheckedIOException {
        public CredentialsUnusable(String message) {
            super(message, new IOException(message));
        }
    }
}
