package dev.rtcsuite.suite.faults;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Calls that producers make over and over while a test breaks something, each outcome kept with
 * when it started and ended, so that the test can ask what the services answered in a window.
 */
public final class ProbeLoad implements AutoCloseable {

    /** One call made: which probe, when (System.nanoTime), and its status code. */
    public record Outcome(String probe, long startNanos, long endNanos, Status.Code code) {
        public Duration latency() {
            return Duration.ofNanos(endNanos - startNanos);
        }
    }

    private static final Duration PAUSE = Duration.ofMillis(100);

    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService producers = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Starts one producer per probe; each makes the probe's next call (a supplier of the call, so
     * each call may carry a new request id) until {@link #close}.
     */
    public ProbeLoad(Map<String, Supplier<Runnable>> probes) {
        probes.forEach((name, calls) -> producers.submit(() -> produce(name, calls)));
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /**
     * Outcomes of calls that started at or after {@code fromNanos} and ended by {@code toNanos}.
     */
    public List<Outcome> within(long fromNanos, long toNanos) {
        return outcomes.stream()
                .filter(o -> o.startNanos() >= fromNanos && o.endNanos() <= toNanos)
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        producers.shutdown();
        producers.awaitTermination(60, TimeUnit.SECONDS);
    }

    private void produce(String name, Supplier<Runnable> calls) {
        while (!stop.get()) {
            long start = System.nanoTime();
            Status.Code code;
            try {
                calls.get().run();
                code = Status.Code.OK;
            } catch (StatusRuntimeException e) {
                code = e.getStatus().getCode();
            }
            outcomes.add(new Outcome(name, start, System.nanoTime(), code));
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
