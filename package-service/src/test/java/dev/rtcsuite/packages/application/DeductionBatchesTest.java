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

/** The group commit of deductions, without a database. */
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
                        1,
                        items -> {
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
                                                batches.submit(item(ACCOUNT, minutes))
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
    void accountsShareBatchesAndEachCallersIntervalsKeepTheirOrder() throws Exception {
        List<UUID> accounts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        AtomicInteger mixed = new AtomicInteger();
        Map<UUID, List<Long>> applied = new ConcurrentHashMap<>();
        DeductionBatches oneLane =
                new DeductionBatches(
                        1,
                        items -> {
                            if (items.stream()
                                            .map(DeductionBatches.Item::accountId)
                                            .distinct()
                                            .count()
                                    > 1) {
                                mixed.incrementAndGet();
                            }
                            items.forEach(
                                    item ->
                                            applied.computeIfAbsent(
                                                            item.accountId(),
                                                            a -> new ArrayList<>())
                                                    .add(item.usage().usageMinutes()));
                            pause();
                            return items.stream()
                                    .map(item -> DeductionBatches.Result.of(deduction(item)))
                                    .toList();
                        });
        // Four callers per account, each submitting its own intervals one after the other.
        try (ExecutorService callers = Executors.newFixedThreadPool(12)) {
            List<Future<?>> calls = new ArrayList<>();
            for (UUID account : accounts) {
                for (long caller = 0; caller < 4; caller++) {
                    long first = caller * 1_000;
                    calls.add(
                            callers.submit(
                                    () -> {
                                        for (long i = 0; i < 50; i++) {
                                            oneLane.submit(item(account, first + i));
                                        }
                                    }));
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }

        assertThat(applied).hasSize(3);
        for (List<Long> minutes : applied.values()) {
            assertThat(minutes).hasSize(200);
            for (long caller = 0; caller < 4; caller++) {
                long first = caller * 1_000;
                assertThat(minutes.stream().filter(m -> m >= first && m < first + 1_000).toList())
                        .isSorted();
            }
        }
        assertThat(mixed.get()).isPositive(); // accounts of one lane share its batches
    }

    @Test
    void aRefusedIntervalFailsAloneAndAFailedBatchFailsEachOfItsCallers() {
        ServiceException conflict = ServiceException.invalid("usage_minutes", "conflict");
        DeductionBatches refusing =
                new DeductionBatches(
                        2,
                        items ->
                                items.stream()
                                        .map(
                                                item ->
                                                        item.usage().usageMinutes() == 13
                                                                ? DeductionBatches.Result.refused(
                                                                        conflict)
                                                                : DeductionBatches.Result.of(
                                                                        deduction(item)))
                                        .toList());
        assertThat(refusing.submit(item(ACCOUNT, 12)).usageMinutes()).isEqualTo(12);
        assertThatThrownBy(() -> refusing.submit(item(ACCOUNT, 13))).isSameAs(conflict);

        IllegalStateException down = new IllegalStateException("database away");
        DeductionBatches failing =
                new DeductionBatches(
                        1,
                        items -> {
                            throw down;
                        });
        assertThatThrownBy(() -> failing.submit(item(ACCOUNT, 1))).isSameAs(down);
    }

    private static DeductionBatches.Item item(UUID account, long minutes) {
        return new DeductionBatches.Item(
                account,
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
                item.accountId(),
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
