package dev.rtcsuite.packages.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.deduction.DeductionKind;
import dev.rtcsuite.packages.domain.deduction.IntervalUsage;
import dev.rtcsuite.packages.domain.deduction.UsageKey;
import dev.rtcsuite.packages.domain.deduction.UsageMinutes;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import dev.rtcsuite.platform.error.ServiceException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The group commit of one account's deductions, without a database. */
class DeductionBatchesTest {

    private static final UUID ACCOUNT = UUID.randomUUID();

    @Test
    void everyIntervalIsAnsweredWithItsOwnDeductionAndAnAccountHasOneBatchAtATime()
            throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        DeductionBatches batches =
                new DeductionBatches(
                        (account, items) -> {
                            if (running.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            sizes.add(items.size());
                            pause();
                            running.decrementAndGet();
                            return items.stream()
                                    .map(item -> DeductionBatches.Result.of(deduction(item)))
                                    .toList();
                        });
        Map<Long, Long> answered = new ConcurrentHashMap<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(16)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                long minutes = i;
                calls.add(
                        callers.submit(
                                () ->
                                        answered.put(
                                                minutes,
                                                batches.submit(ACCOUNT, item(minutes))
                                                        .usageMinutes())));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }

        assertThat(answered).hasSize(400);
        answered.forEach((asked, got) -> assertThat(got).isEqualTo(asked));
        assertThat(overlaps).hasValue(0);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(400);
        assertThat(sizes)
                .allSatisfy(size -> assertThat(size).isBetween(1, DeductionBatches.MAX_BATCH));
        assertThat(sizes.size()).isLessThan(400); // callers that waited were served together
    }

    @Test
    void aRefusedIntervalFailsAloneAndAFailedBatchFailsEachOfItsCallers() {
        ServiceException conflict = ServiceException.invalid("usage_minutes", "conflict");
        DeductionBatches refusing =
                new DeductionBatches(
                        (account, items) ->
                                items.stream()
                                        .map(
                                                item ->
                                                        item.usage().usageMinutes() == 13
                                                                ? DeductionBatches.Result.refused(
                                                                        conflict)
                                                                : DeductionBatches.Result.of(
                                                                        deduction(item)))
                                        .toList());
        assertThat(refusing.submit(ACCOUNT, item(12)).usageMinutes()).isEqualTo(12);
        assertThatThrownBy(() -> refusing.submit(ACCOUNT, item(13))).isSameAs(conflict);

        IllegalStateException down = new IllegalStateException("database away");
        DeductionBatches failing =
                new DeductionBatches(
                        (account, items) -> {
                            throw down;
                        });
        assertThatThrownBy(() -> failing.submit(ACCOUNT, item(1))).isSameAs(down);
    }

    private static DeductionBatches.Item item(long minutes) {
        return new DeductionBatches.Item(
                new IntervalUsage(
                        new UsageKey(
                                1_400_000_000L,
                                LocalDate.of(2024, 1, 1).plusDays(minutes / 300),
                                ResolutionTier.HD,
                                (int) (minutes % 300)),
                        minutes,
                        Money.cny("0.028")),
                "list");
    }

    private static Deduction deduction(DeductionBatches.Item item) {
        IntervalUsage usage = item.usage();
        UsageMinutes all = UsageMinutes.of(usage.usageMinutes());
        return new Deduction(
                UUID.randomUUID(),
                ACCOUNT,
                usage.key(),
                DeductionKind.INTERVAL,
                usage.usageMinutes(),
                List.of(),
                all,
                all.priceAt(usage.unitPrice()),
                usage.unitPrice(),
                Instant.EPOCH);
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
