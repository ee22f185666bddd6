package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.deduction.IntervalUsage;
import dev.rtcsuite.platform.error.ServiceException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Group commit of deductions: each account belongs to one of a few lanes, and the callers waiting
 * in a lane hand their intervals to whichever of them holds the lane's turn (the leader), which
 * applies them all, of whatever accounts, in one transaction. One account's deductions serialize on
 * its lock anyway; batching them, and other accounts' with them, makes one lock query, one package
 * read and a few batched writes serve many intervals instead of one each. The lanes let a few
 * transactions run at once, and an account's intervals stay in arrival order (one lane, one leader
 * at a time).
 */
final class DeductionBatches {

    /** The most intervals applied in one transaction. */
    static final int MAX_BATCH = 500;

    /** One interval of an account to deduct. */
    record Item(UUID accountId, IntervalUsage usage, String priceBookVersion) {}

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

    private static final class Lane {
        final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean leading = new AtomicBoolean();
    }

    private final Lane[] lanes;
    private final Function<List<Item>, List<Result>> apply;

    /**
     * @param lanes how many batches may be applied at once
     * @param apply applies one batch in a transaction of its own and answers each item, in order
     */
    DeductionBatches(int lanes, Function<List<Item>, List<Result>> apply) {
        if (lanes < 1) {
            throw new IllegalArgumentException("at least one lane");
        }
        this.lanes = new Lane[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new Lane();
        }
        this.apply = apply;
    }

    /** Deducts {@code item} (alone or with others waiting in its lane) and answers it. */
    Deduction submit(Item item) {
        return await(submitAll(List.of(item)).getFirst());
    }

    /** The deduction answered, or the exception that refused or failed it, unwrapped. */
    static Deduction await(CompletableFuture<Deduction> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Queues the items in their lanes, in order, and leads each of those lanes that has no leader;
     * each answer is completed by whichever caller applied its item.
     */
    List<CompletableFuture<Deduction>> submitAll(List<Item> items) {
        List<CompletableFuture<Deduction>> answers = new ArrayList<>(items.size());
        Set<Lane> touched = new LinkedHashSet<>();
        for (Item item : items) {
            Lane lane = lanes[Math.floorMod(item.accountId().hashCode(), lanes.length)];
            CompletableFuture<Deduction> answer = new CompletableFuture<>();
            lane.waiting.add(new Waiting(item, answer));
            touched.add(lane);
            answers.add(answer);
        }
        touched.forEach(this::lead);
        return answers;
    }

    /**
     * Drains the lane's queue if no one else does. A leader re-checks the queue after letting go,
     * so an interval queued just before that is never left without a leader.
     */
    private void lead(Lane lane) {
        while (!lane.waiting.isEmpty() && lane.leading.compareAndSet(false, true)) {
            try {
                List<Waiting> batch = new ArrayList<>();
                Waiting next;
                while ((next = lane.waiting.poll()) != null) {
                    batch.add(next);
                    if (batch.size() == MAX_BATCH) {
                        run(batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    run(batch);
                }
            } finally {
                lane.leading.set(false);
            }
        }
    }

    private void run(List<Waiting> batch) {
        try {
            List<Result> results = apply.apply(batch.stream().map(Waiting::item).toList());
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
