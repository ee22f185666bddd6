package dev.rtcsuite.rating.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.rating.client.AccountDirectory;
import dev.rtcsuite.rating.client.AccountDirectory.AppAccount;
import dev.rtcsuite.rating.client.DeductionClient;
import dev.rtcsuite.rating.client.DeductionClient.IntervalDeduction;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.base.Presence;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC P-4 / R-8: closed intervals' base-service minutes go to package-service exactly once,
 * durably, retried with back-off while it cannot take them (as now, until issue #4 lands).
 */
@QuarkusTest
class DeductionHandoffTest {

    private static final AtomicLong APPS =
            new AtomicLong(1_900_000_000L + System.nanoTime() % 1_000_000);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final Instant MIDNIGHT = DAY.atStartOfDay(SHANGHAI).toInstant();
    private static final Instant NEXT_DAY = MIDNIGHT.plus(Duration.ofDays(1));

    @Inject UsageIngestion ingestion;
    @Inject DeductionHandoff handoff;
    @Inject Jdbc jdbc;
    @Inject JobRunner jobs;
    @Inject Clock clock;

    @InjectMock AccountDirectory accounts;
    @InjectMock DeductionClient packages;

    private final long app = APPS.incrementAndGet();

    @BeforeEach
    void appInShanghaiWithTheR2TableOfUsage() {
        when(accounts.app(app)).thenReturn(new AppAccount(app, "account-" + app, SHANGHAI));
        // SPEC R-2: 30 s, 20 s, 40 s in the first three intervals → 1, 0, 1 billable minutes.
        ingest("p1", MIDNIGHT, 30);
        ingest("p2", MIDNIGHT.plusSeconds(300), 20);
        ingest("p3", MIDNIGHT.plusSeconds(600), 40);
        fold();
    }

    @Test
    void closedIntervalsWithMinutesAreQueuedOnceAndDeliveredOnce() {
        List<IntervalDeduction> sent = packageServiceAnswering(d -> Optional.empty());

        handoff.closeIntervals(NEXT_DAY);
        handoff.closeIntervals(NEXT_DAY.plusSeconds(600));
        int delivered = handoff.deliverDue(NEXT_DAY, 100) + handoff.deliverDue(NEXT_DAY, 100);

        List<IntervalDeduction> mine = sent.stream().filter(d -> d.sdkAppId() == app).toList();
        assertThat(mine)
                .extracting(IntervalDeduction::intervalIndex, IntervalDeduction::usageMinutes)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(0, 1L),
                        org.assertj.core.groups.Tuple.tuple(2, 1L));
        assertThat(mine)
                .allSatisfy(
                        d -> {
                            assertThat(d.billingDay()).isEqualTo(DAY);
                            assertThat(d.tier()).isEqualTo("AUDIO");
                            assertThat(d.unitPrice()).isEqualByComparingTo(new BigDecimal("0.007"));
                        });
        assertThat(delivered).isGreaterThanOrEqualTo(2);
        assertThat(states()).containsOnly("DELIVERED").hasSize(2);
    }

    @Test
    void anUnavailablePackageServiceIsRetriedLaterWithoutLosingTheInterval() {
        packageServiceAnswering(d -> Optional.of("UNAVAILABLE: package-service is down"));
        handoff.closeIntervals(NEXT_DAY);

        handoff.deliverDue(NEXT_DAY, 100);
        int tooSoon = handoff.deliverDue(NEXT_DAY.plusSeconds(1), 100);
        packageServiceAnswering(d -> Optional.empty());
        handoff.deliverDue(NEXT_DAY.plus(Duration.ofMinutes(11)), 100);

        assertThat(tooSoon).isZero();
        assertThat(states()).containsOnly("DELIVERED").hasSize(2);
        assertThat(
                        jdbc.query(
                                "SELECT attempts FROM deduction_handoff WHERE sdk_app_id = ?",
                                row -> row.getInt(1),
                                app))
                .containsOnly(2);
    }

    @Test
    void twoReplicasDeliveringAtOnceSendEachIntervalOnce() throws Exception {
        List<IntervalDeduction> sent = packageServiceAnswering(d -> Optional.empty());
        handoff.closeIntervals(NEXT_DAY);

        try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
            Future<Integer> one = replicas.submit(() -> handoff.deliverDue(NEXT_DAY, 100));
            Future<Integer> two = replicas.submit(() -> handoff.deliverDue(NEXT_DAY, 100));
            one.get();
            two.get();
        }

        List<UUID> mine =
                jdbc.query(
                        "SELECT request_id FROM deduction_handoff WHERE sdk_app_id = ?",
                        row -> row.getObject(1, UUID.class),
                        app);
        assertThat(sent.stream().map(IntervalDeduction::requestId).filter(mine::contains))
                .hasSize(2)
                .doesNotHaveDuplicates();
    }

    @Test
    void anIntervalPackageServiceRefusesIsRetriedAloneWhileTheOthersAreDelivered() {
        packageServiceAnswering(
                d ->
                        d.intervalIndex() == 0
                                ? Optional.of("NOT_FOUND: No app with SdkAppId " + app)
                                : Optional.empty());
        handoff.closeIntervals(NEXT_DAY);

        int delivered = handoff.deliverDue(NEXT_DAY, 100);

        assertThat(delivered).isGreaterThanOrEqualTo(1);
        assertThat(
                        jdbc.query(
                                "SELECT interval_index, state, attempts, last_error FROM"
                                        + " deduction_handoff WHERE sdk_app_id = ? ORDER BY"
                                        + " interval_index",
                                row ->
                                        row.getInt(1)
                                                + " "
                                                + row.getString(2)
                                                + " "
                                                + row.getInt(3)
                                                + " "
                                                + row.getString(4),
                                app))
                .containsExactly(
                        "0 PENDING 1 NOT_FOUND: No app with SdkAppId " + app, "2 DELIVERED 1 null");
    }

    /**
     * package-service answering each interval of a batch with {@code outcome}; returns what was
     * sent, as it is sent.
     */
    private List<IntervalDeduction> packageServiceAnswering(
            Function<IntervalDeduction, Optional<String>> outcome) {
        List<IntervalDeduction> sent = new CopyOnWriteArrayList<>();
        // doAnswer, not when(…): a stub replaced later must not be called with a null batch.
        doAnswer(
                        call -> {
                            List<IntervalDeduction> batch = call.getArgument(0);
                            sent.addAll(batch);
                            return batch.stream().map(outcome).toList();
                        })
                .when(packages)
                .deliverAll(any());
        return sent;
    }

    @Test
    void anIntervalStaysOpenWhileUsageReceivedBeforeItsLateWindowEndedIsNotFolded() {
        packageServiceAnswering(d -> Optional.empty());
        handoff.closeIntervals(NEXT_DAY);
        Instant now = clock.instant();
        // A piece of presence that ended just now, acknowledged but not yet folded.
        ingest("recent", now.minusSeconds(40).truncatedTo(ChronoUnit.SECONDS), 30);

        handoff.closeIntervals(now.plus(Duration.ofMinutes(10)));
        assertThat(queuedAfter(NEXT_DAY)).isEmpty();

        fold();
        handoff.closeIntervals(now.plus(Duration.ofMinutes(10)));
        assertThat(queuedAfter(NEXT_DAY)).containsExactly(1L);
    }

    @Test
    void backoffGrowsToTenMinutesWithJitter() {
        assertThat(DeductionHandoff.backoff(1))
                .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
        assertThat(DeductionHandoff.backoff(3))
                .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(24));
        assertThat(DeductionHandoff.backoff(30))
                .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(12));
    }

    private List<String> states() {
        return jdbc.query(
                "SELECT state FROM deduction_handoff WHERE sdk_app_id = ?",
                row -> row.getString(1),
                app);
    }

    /** The minutes queued for the app's intervals after {@code from}. */
    private List<Long> queuedAfter(Instant from) {
        return jdbc.query(
                "SELECT usage_minutes FROM deduction_handoff WHERE sdk_app_id = ? AND billing_day"
                        + " >= ?",
                row -> row.getLong(1),
                app,
                LocalDate.ofInstant(from, SHANGHAI));
    }

    /** Folds every acknowledged batch into the rated buckets, as the job poller does. */
    private void fold() {
        jobs.runDue(clock.instant(), 10_000);
    }

    private void ingest(String key, Instant start, long seconds) {
        ingestion.ingest(
                List.of(
                        new UsageRecord(
                                app,
                                key,
                                new UsageFact.Base(
                                        new Presence(
                                                "n:1",
                                                "solo",
                                                TimeSpan.ofSeconds(start, seconds))))));
    }
}
