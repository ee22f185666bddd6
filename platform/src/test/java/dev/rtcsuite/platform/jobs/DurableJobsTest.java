package dev.rtcsuite.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.platform.persistence.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPEC X-4: durable work runs exactly once per due item, with retries and a dead state. */
@QuarkusTest
class DurableJobsTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @Inject DurableJobs jobs;
    @Inject DoneJobs doneJobs;
    @Inject JobRunner runner;
    @Inject Jdbc jdbc;
    @Inject @Any Instance<JobHandler> handlers;

    private final String prefix = UUID.randomUUID() + "/";

    @Test
    void aJobRunsOnceWhenDueAndNotBefore() {
        String key = prefix + "timer";
        assertThat(schedule(TestHandlers.EFFECT, key, "", T0.plusSeconds(30))).isTrue();
        assertThat(schedule(TestHandlers.EFFECT, key, "", T0)).isFalse();

        runner.runDue(T0.plusSeconds(29), 1_000);
        assertThat(effects(key)).isZero();

        runner.runDue(T0.plusSeconds(30), 1_000);
        runner.runDue(T0.plusSeconds(90), 1_000);
        assertThat(effects(key)).isEqualTo(1);
        JobView done = jobs.find(TestHandlers.EFFECT, key).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.finishedTime()).contains(T0.plusSeconds(30));
    }

    @Test
    void doneJobsOfAKindThatKeepsThemForAWhileArePurgedAfterThatWhileOthersStay() {
        String brief = prefix + "brief";
        String kept = prefix + "kept";
        schedule(TestHandlers.BRIEF, brief, "", T0);
        schedule(TestHandlers.EFFECT, kept, "", T0);
        runner.runDue(T0, 1_000);

        doneJobs.purge(T0.plus(Duration.ofMinutes(59)));
        assertThat(jobs.find(TestHandlers.BRIEF, brief)).isPresent();

        assertThat(doneJobs.purge(T0.plus(Duration.ofMinutes(61)))).isPositive();
        assertThat(jobs.find(TestHandlers.BRIEF, brief)).isEmpty();
        assertThat(jobs.find(TestHandlers.EFFECT, kept).orElseThrow().state())
                .isEqualTo(JobState.DONE);
        assertThat(effects(brief)).isEqualTo(1);
    }

    @Test
    void aFailedAttemptRollsBackItsWritesAndRetriesWithBackOff() {
        String key = prefix + "flaky";
        schedule(TestHandlers.FLAKY, key, "1", T0);

        runner.runDue(T0, 1_000);
        JobView failed = jobs.find(TestHandlers.FLAKY, key).orElseThrow();
        assertThat(effects(key)).isZero();
        assertThat(failed.state()).isEqualTo(JobState.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("down"));
        // 10 s after the first failure, with at most 20 % jitter.
        assertThat(failed.dueTime()).isBetween(T0.plusSeconds(10), T0.plusSeconds(12));

        runner.runDue(failed.dueTime(), 1_000);
        assertThat(effects(key)).isEqualTo(1);
        assertThat(jobs.find(TestHandlers.FLAKY, key).orElseThrow().state())
                .isEqualTo(JobState.DONE);
    }

    @Test
    void afterTheLastAttemptAJobIsDeadUntilRetried() {
        String key = prefix + "dead";
        schedule(TestHandlers.FLAKY, key, "3", T0);

        Instant now = T0;
        for (int attempt = 1; attempt <= 3; attempt++) {
            runner.runDue(now, 1_000);
            now = now.plus(Duration.ofMinutes(5));
        }
        JobView dead = jobs.find(TestHandlers.FLAKY, key).orElseThrow();
        assertThat(dead.state()).isEqualTo(JobState.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(effects(key)).isZero();
        runner.runDue(now.plus(Duration.ofDays(1)), 1_000);
        assertThat(jobs.find(TestHandlers.FLAKY, key).orElseThrow().attempts()).isEqualTo(3);
        assertThat(jobs.list(TestHandlers.FLAKY, JobState.DEAD, prefix, 10))
                .extracting(JobView::key)
                .contains(key);

        assertThat(
                        QuarkusTransaction.requiringNew()
                                .call(() -> jobs.retry(TestHandlers.FLAKY, key)))
                .isTrue();
        // A fresh count: the handler fails while attempts < 3, so it dies again after three.
        JobView revived = jobs.find(TestHandlers.FLAKY, key).orElseThrow();
        assertThat(revived.state()).isEqualTo(JobState.PENDING);
        assertThat(revived.attempts()).isZero();
    }

    @Test
    void aRescheduledTimerRunsAtItsNewTimeAndACancelledOneNever() {
        String moved = prefix + "moved";
        String cancelled = prefix + "cancelled";
        schedule(TestHandlers.EFFECT, moved, "", T0.plusSeconds(10));
        schedule(TestHandlers.EFFECT, cancelled, "", T0.plusSeconds(10));
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            jobs.reschedule(
                                    TestHandlers.EFFECT, moved, new byte[0], T0.plusSeconds(60));
                            assertThat(jobs.cancel(TestHandlers.EFFECT, cancelled)).isTrue();
                        });

        runner.runDue(T0.plusSeconds(59), 1_000);
        assertThat(effects(moved)).isZero();
        runner.runDue(T0.plusSeconds(60), 1_000);
        assertThat(effects(moved)).isEqualTo(1);
        assertThat(effects(cancelled)).isZero();
        assertThat(jobs.find(TestHandlers.EFFECT, cancelled).orElseThrow().state())
                .isEqualTo(JobState.CANCELLED);

        // Setting a timer again after it fired arms it once more.
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                jobs.reschedule(
                                        TestHandlers.EFFECT,
                                        moved,
                                        new byte[0],
                                        T0.plusSeconds(90)));
        runner.runDue(T0.plusSeconds(90), 1_000);
        assertThat(effects(moved)).isEqualTo(2);
    }

    @Test
    void aJobScheduledInARolledBackTransactionDoesNotExist() {
        String key = prefix + "rolled-back";
        try {
            QuarkusTransaction.requiringNew()
                    .run(
                            () -> {
                                jobs.schedule(TestHandlers.EFFECT, key, new byte[0], T0);
                                throw new IllegalStateException("the caller's change failed");
                            });
        } catch (IllegalStateException expected) {
            // the outbox row goes with the change that failed
        }

        assertThat(jobs.find(TestHandlers.EFFECT, key)).isEmpty();
    }

    @Test
    void fourRunnersAtOnceRunEachOfTwoThousandJobsExactlyOnce() throws Exception {
        int count = 2_000;
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            for (int i = 0; i < count; i++) {
                                jobs.schedule(TestHandlers.EFFECT, prefix + i, new byte[0], T0);
                            }
                        });

        List<Future<Integer>> runs = new ArrayList<>();
        try (ExecutorService replicas = Executors.newFixedThreadPool(4)) {
            for (int replica = 0; replica < 4; replica++) {
                runs.add(replicas.submit(() -> runner.runDue(T0, count)));
            }
        }

        long[] distinctAndAll =
                jdbc.query(
                                "SELECT count(DISTINCT job_key), count(*) FROM job_effect WHERE"
                                        + " job_key LIKE ?",
                                row -> new long[] {row.getLong(1), row.getLong(2)},
                                prefix + "%")
                        .getFirst();
        assertThat(distinctAndAll).containsExactly(count, count);
        int succeeded = 0;
        for (Future<Integer> run : runs) {
            succeeded += run.get();
        }
        assertThat(succeeded).isGreaterThanOrEqualTo(count);
    }

    @Test
    void aFailedAttemptIsNotRunAgainByAnotherWorkerBeforeItsRetryIsDue() throws Exception {
        int count = 200;
        for (int i = 0; i < count; i++) {
            schedule(TestHandlers.FAILING, prefix + i, "", T0);
        }

        try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
            for (int worker = 0; worker < 4; worker++) {
                workers.submit(() -> runner.runDue(T0, 10 * count));
            }
        }

        for (int i = 0; i < count; i++) {
            assertThat(TestHandlers.Failing.RUNS.get(prefix + i)).as("runs of job %d", i).isOne();
            assertThat(jobs.find(TestHandlers.FAILING, prefix + i).orElseThrow().attempts())
                    .isOne();
        }
    }

    @Test
    void atShutdownTheJobUnderWayFinishesAndNoOtherStarts() throws Exception {
        // A runner and poller of their own: stopping the application's would stop other tests.
        JobRunner own = new JobRunner(jdbc, handlers);
        // Long before every other test's jobs, so that these two are the first due.
        Instant later = Instant.parse("2000-01-01T00:00:00Z");
        JobPoller poller = new JobPoller(own, Clock.fixed(later, ZoneOffset.UTC), 1, 50);
        String first = prefix + "slow-1";
        String second = prefix + "slow-2";
        schedule(TestHandlers.SLOW, first, "", later.minusSeconds(2));
        schedule(TestHandlers.SLOW, second, "", later.minusSeconds(1));
        Thread tick = Thread.ofVirtual().start(poller::runDue);
        String started;
        do {
            started = TestHandlers.SLOW_STARTED.poll(30, TimeUnit.SECONDS);
        } while (started != null && !started.startsWith(prefix));

        poller.onStop(null);

        assertThat(started).isEqualTo(first);
        assertThat(effects(first)).as("the job under way finished").isOne();
        assertThat(jobs.find(TestHandlers.SLOW, first).orElseThrow().state())
                .isEqualTo(JobState.DONE);
        assertThat(effects(second)).as("no job started after the shutdown began").isZero();
        assertThat(jobs.find(TestHandlers.SLOW, second).orElseThrow().state())
                .isEqualTo(JobState.PENDING);
        tick.join(10_000);
        QuarkusTransaction.requiringNew()
                .run(() -> jdbc.update("DELETE FROM durable_job WHERE job_key = ?", second));
    }

    private boolean schedule(String kind, String key, String payload, Instant due) {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                jobs.schedule(
                                        kind, key, payload.getBytes(StandardCharsets.UTF_8), due));
    }

    private long effects(String key) {
        return jdbc.query(
                        "SELECT count(*) FROM job_effect WHERE job_key = ?",
                        row -> row.getLong(1),
                        key)
                .getFirst();
    }
}
