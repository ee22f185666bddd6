package dev.rtcsuite.admin.connect;

import io.grpc.Channel;

/** One channel per service, opened on first use and closed when the command ends. */
public interface Channels extends AutoCloseable {

    Channel channel(Service service);

    /** Where the service is reached (host:port), for messages. */
    String target(Service service);

    @Override
    void close();
}
