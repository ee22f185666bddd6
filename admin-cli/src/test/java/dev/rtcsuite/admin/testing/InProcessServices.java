package dev.rtcsuite.admin.testing;

import dev.rtcsuite.admin.connect.Channels;
import dev.rtcsuite.admin.connect.Service;
import io.grpc.BindableService;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * In-process gRPC servers standing in for the four services, only to give the commands realistic
 * answers and errors (real stubs, real status trailers) to render.
 */
public final class InProcessServices implements Channels {

    private final Map<Service, Server> servers = new EnumMap<>(Service.class);
    private final Map<Service, ManagedChannel> channels = new EnumMap<>(Service.class);

    public InProcessServices serve(Service service, BindableService implementation) {
        String name = InProcessServerBuilder.generateName();
        try {
            servers.put(
                    service,
                    InProcessServerBuilder.forName(name)
                            .directExecutor()
                            .addService(implementation)
                            .build()
                            .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channels.put(service, InProcessChannelBuilder.forName(name).directExecutor().build());
        return this;
    }

    @Override
    public Channel channel(Service service) {
        return channels.computeIfAbsent(
                service,
                absent ->
                        InProcessChannelBuilder.forName("nothing-serves-" + absent)
                                .directExecutor()
                                .build());
    }

    @Override
    public String target(Service service) {
        return "in-process:" + service.name().toLowerCase();
    }

    /** The commands close their channels after each run; these stay for the next one. */
    @Override
    public void close() {}

    public void shutdown() throws InterruptedException {
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        for (Server server : servers.values()) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
