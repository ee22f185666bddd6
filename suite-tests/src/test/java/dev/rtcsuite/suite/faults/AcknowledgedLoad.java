package dev.rtcsuite.suite.faults;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A load of idempotent calls (each with its own request id) sent by a few producers that, like a
 * real producer, send a call again until it is acknowledged. Keeps which calls were acknowledged
 * and every failure's status code, so that a test can compare what the service acknowledged with
 * what it stored.
 */
public final class AcknowledgedLoad implements AutoCloseable {

    /** One idempotent call: sending it again with the same id must not do it twice. */
    public record Call(String id, Runnable send) {}

    private static final Duration PAUSE = Duration.ofMillis(200);

    private final ConcurrentLinkedQueue<Call> queue;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Status.Code, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService producers;
    private final List<Future<?>> running;

    public AcknowledgedLoad(List<Call> calls, int producers) {
        this.queue = new ConcurrentLinkedQueue<>(calls);
        this.producers = Executors.newFixedThreadPool(producers);
        this.running =
                java.util.stream.IntStream.range(0, producers)
                        .<Future<?>>mapToObj(i -> this.producers.submit(this::produce))
                        .toList();
    }

    /** Ids acknowledged so far (a snapshot). */
    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Failures so far by status code (a snapshot). */
    public Map<Status.Code, Integer> failures() {
        return Map.copyOf(failures);
    }

    /** Waits until at least {@code count} calls are acknowledged. */
    public void awaitAcknowledged(int count, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (acknowledged.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "only " + acknowledged.size() + " of " + count + " calls acknowledged");
            }
            Thread.sleep(20);
        }
    }

    /** Waits until every call is acknowledged. */
    public void awaitAll(Duration patience) throws Exception {
        long nanos = patience.toNanos();
        for (Future<?> producer : running) {
            long start = System.nanoTime();
            producer.get(Math.max(nanos, 1), TimeUnit.NANOSECONDS);
            nanos -= System.nanoTime() - start;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        producers.shutdownNow();
        producers.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void produce() {
        for (Call call = queue.poll(); call != null && !stop.get(); call = queue.poll()) {
            while (!stop.get()) {
                try {
                    call.send().run();
                    acknowledged.add(call.id());
                    break;
                } catch (StatusRuntimeException e) {
                    failures.merge(e.getStatus().getCode(), 1, Integer::sum);
                    try {
                        Thread.sleep(PAUSE);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }
}
