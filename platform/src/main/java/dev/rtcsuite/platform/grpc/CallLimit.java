package dev.rtcsuite.platform.grpc;

import dev.rtcsuite.platform.error.ServiceException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sheds load: at most {@code rtcsuite.grpc.max-in-flight} unary calls run at once in a service, and
 * one more is answered UNAVAILABLE (reason OVERLOADED) at once. Without a limit an overloaded
 * service queues every call for a database connection until the caller's deadline expires; each
 * expired deadline resets its stream, and the HTTP/2 layer then fails calls on the connection that
 * were about to be answered. A prompt UNAVAILABLE tells the caller to back off while the calls
 * already admitted finish within their deadlines.
 */
@ApplicationScoped
public class CallLimit {

    private final int maxInFlight;
    private final Semaphore permits;
    private final Counter shed;

    public CallLimit(
            @ConfigProperty(name = "rtcsuite.grpc.max-in-flight", defaultValue = "64")
                    int maxInFlight,
            MeterRegistry meters) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("rtcsuite.grpc.max-in-flight must be ≥ 1");
        }
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
        Gauge.builder("rtcsuite.grpc.calls.in.flight", this, CallLimit::inFlight)
                .description("Unary gRPC calls running now (limit rtcsuite.grpc.max-in-flight)")
                .register(meters);
        this.shed =
                Counter.builder("rtcsuite.grpc.calls.shed")
                        .description("Unary gRPC calls answered UNAVAILABLE OVERLOADED")
                        .register(meters);
    }

    /** Runs {@code work} if a place is free, holding it until the work returns or throws. */
    public <T> T run(Supplier<T> work) {
        if (!permits.tryAcquire()) {
            shed.increment();
            throw ServiceException.overloaded(maxInFlight);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** How many calls are running now. */
    public int inFlight() {
        return maxInFlight - permits.availablePermits();
    }
}
