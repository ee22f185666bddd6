package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.deduction.IntervalUsage;
import dev.rtcsuite.platform.error.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * Group commit of one account's deductions: deductions of one account serialize on its lock anyway,
 * so the callers that wait for it hand their intervals to whichever of them holds the account's
 * turn (the leader), which applies them all in one transaction. One lock, one package read and two
 * batched inserts then serve many intervals instead of one each.
 */
final class DeductionBatches {

    /** The most intervals applied in one transaction. */
    static final int MAX_BATCH = 500;

    /** One interval to deduct. */
    record Item(IntervalUsage usage, String priceBookVersion) {}

    /** Its outcome: a deduction, or the error refusing it. */
    record Result(Deduction deduction, ServiceException refusal) {

        static Result of(Deduction deduction) {
            return new Result(deduction, null);
        }

        static Result refused(ServiceException refusal) {
            return new Result(null, refusal);
        }
    }

    private record Waiting(Item item, CompletableFuture<Deduction> answer) {}

    private static final class Turn {
        final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean leading = new AtomicBoolean();
    }

    private final Map<UUID, Turn> turns = new ConcurrentHashMap<>();
    private final BiFunction<UUID, List<Item>, List<Result>> apply;

    /**
     * @param apply applies one account's batch in a transaction of its own
     */
    DeductionBatches(BiFunction<UUID, List<Item>, List<Result>> apply) {
        this.apply = apply;
    }

    /** Deducts {@code item} (alone or with others waiting for the account) and answers it. */
    Deduction submit(UUID accountId, Item item) {
        Turn turn = turns.computeIfAbsent(accountId, id -> new Turn());
        CompletableFuture<Deduction> answer = new CompletableFuture<>();
        turn.waiting.add(new Waiting(item, answer));
        lead(accountId, turn);
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Drains the account's queue if no one else does. A leader re-checks the queue after letting
     * go, so an interval queued just before that is never left without a leader.
     */
    private void lead(UUID accountId, Turn turn) {
        while (!turn.waiting.isEmpty() && turn.leading.compareAndSet(false, true)) {
            try {
                List<Waiting> batch = new ArrayList<>();
                Waiting next;
                while ((next = turn.waiting.poll()) != null) {
                    batch.add(next);
                    if (batch.size() == MAX_BATCH) {
                        run(accountId, batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    run(accountId, batch);
                }
            } finally {
                turn.leading.set(false);
            }
        }
    }

    private void run(UUID accountId, List<Waiting> batch) {
        try {
            List<Result> results =
                    apply.apply(accountId, batch.stream().map(Waiting::item).toList());
            for (int i = 0; i < batch.size(); i++) {
                Result result = results.get(i);
                if (result.refusal() != null) {
                    batch.get(i).answer().completeExceptionally(result.refusal());
                } else {
                    batch.get(i).answer().complete(result.deduction());
                }
            }
        } catch (RuntimeException failed) {
            batch.forEach(waiting -> waiting.answer().completeExceptionally(failed));
        }
    }
}
