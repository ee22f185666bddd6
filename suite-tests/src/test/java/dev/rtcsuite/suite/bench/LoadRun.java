package dev.rtcsuite.suite.bench;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One load run over a weighted mix of RPCs, open loop (a fixed rate, latency measured from each
 * call's intended start, so a stalled server is not hidden by a stalled client) or closed loop (a
 * fixed number of calls in flight, for the highest rate).
 */
final class LoadRun {

    /** One RPC of the mix: {@code weight} calls in every {@code sum of weights}. */
    record Rpc(String name, int weight, Supplier<ListenableFuture<?>> call) {}

    /** What one RPC did in the run. */
    record Result(String rpc, int calls, Map<String, Integer> errors, long[] latenciesNanos) {

        double percentileMillis(double percentile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }
    }

    /** The run's results per RPC (and "all"), and its achieved rate of completed calls. */
    record Outcome(Map<String, Result> results, double callsPerSecond) {}

    private final List<Rpc> schedule = new ArrayList<>();

    LoadRun(List<Rpc> mix) {
        for (Rpc rpc : mix) {
            for (int i = 0; i < rpc.weight(); i++) {
                schedule.add(rpc);
            }
        }
        // Interleave the mix so that each RPC's share holds over any short window.
        Collections.shuffle(schedule, new Random(42));
    }

    /** Calls at {@code rate} per second for {@code duration}; waits for the last answers. */
    Outcome openLoop(int rate, Duration duration) throws InterruptedException {
        int total = (int) (rate * duration.toMillis() / 1000);
        Recorder recorder = new Recorder(total);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            recorder.fire(schedule.get(i % schedule.size()), intended, null);
        }
        recorder.awaitAll(Duration.ofSeconds(30));
        return recorder.outcome(System.nanoTime() - start);
    }

    /** Keeps {@code inFlight} calls going for {@code duration}: the highest sustained rate. */
    Outcome closedLoop(int inFlight, Duration duration) throws InterruptedException {
        Recorder recorder = new Recorder(Integer.MAX_VALUE);
        Semaphore slots = new Semaphore(inFlight);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            slots.acquire();
            recorder.fire(schedule.get(i++ % schedule.size()), System.nanoTime(), slots);
        }
        slots.acquire(inFlight);
        return recorder.outcome(System.nanoTime() - start);
    }

    /** Latencies and errors as calls complete. */
    private static final class Recorder {

        private final Map<String, List<Long>> latencies = new LinkedHashMap<>();
        private final Map<String, Map<String, Integer>> errors = new LinkedHashMap<>();
        private final CountDownLatch outstanding;
        private final AtomicBoolean counting;
        private int completed;

        Recorder(int expected) {
            this.outstanding = new CountDownLatch(expected == Integer.MAX_VALUE ? 0 : expected);
            this.counting = new AtomicBoolean(expected != Integer.MAX_VALUE);
        }

        void fire(Rpc rpc, long intended, Semaphore slot) {
            ListenableFuture<?> call;
            try {
                call = rpc.call().get();
            } catch (RuntimeException e) {
                done(rpc, intended, e, slot);
                return;
            }
            Futures.addCallback(
                    call,
                    new FutureCallback<Object>() {
                        @Override
                        public void onSuccess(Object result) {
                            done(rpc, intended, null, slot);
                        }

                        @Override
                        public void onFailure(Throwable failure) {
                            done(rpc, intended, failure, slot);
                        }
                    },
                    MoreExecutors.directExecutor());
        }

        private void done(Rpc rpc, long intended, Throwable failure, Semaphore slot) {
            long latency = System.nanoTime() - intended;
            synchronized (this) {
                latencies.computeIfAbsent(rpc.name(), k -> new ArrayList<>()).add(latency);
                Map<String, Integer> own = errors.computeIfAbsent(rpc.name(), k -> new TreeMap<>());
                if (failure != null) {
                    Status status = Status.fromThrowable(failure);
                    if (own.merge(status.getCode().name(), 1, Integer::sum) == 1) {
                        // The first of each kind, so that a report's error counts can be explained.
                        System.err.printf(
                                "first %s of %s: %s%n",
                                status.getCode(), rpc.name(), status.getDescription());
                    }
                }
                completed++;
            }
            if (counting.get()) {
                outstanding.countDown();
            }
            if (slot != null) {
                slot.release();
            }
        }

        void awaitAll(Duration timeout) throws InterruptedException {
            outstanding.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        synchronized Outcome outcome(long elapsedNanos) {
            Map<String, Result> results = new LinkedHashMap<>();
            List<Long> all = new ArrayList<>();
            Map<String, Integer> allErrors = new TreeMap<>();
            latencies.forEach(
                    (name, values) -> {
                        results.put(name, result(name, values, errors.get(name)));
                        all.addAll(values);
                        errors.get(name)
                                .forEach((code, n) -> allErrors.merge(code, n, Integer::sum));
                    });
            results.put("all", result("all", all, allErrors));
            return new Outcome(results, completed / (elapsedNanos / 1e9));
        }

        private static Result result(String name, List<Long> values, Map<String, Integer> errors) {
            long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return new Result(name, sorted.length, errors, sorted);
        }
    }
}
