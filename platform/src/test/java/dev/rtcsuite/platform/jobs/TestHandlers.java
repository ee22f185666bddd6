package dev.rtcsuite.platform.jobs;

import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Handlers that leave a row in job_effect, so tests count what committed. */
final class TestHandlers {

    static final String EFFECT = "test.effect";
    static final String FLAKY = "test.flaky";
    static final String FAILING = "test.failing";
    static final String SLOW = "test.slow";
    static final String BRIEF = "test.brief";

    /** Keys of the slow jobs under way: a test waits here for one to start. */
    static final java.util.concurrent.BlockingQueue<String> SLOW_STARTED =
            new java.util.concurrent.LinkedBlockingQueue<>();

    private TestHandlers() {}

    static void writeEffect(Jdbc jdbc, Job job) {
        jdbc.update(
                "INSERT INTO job_effect (job_key, runner) VALUES (?, ?)",
                job.key(),
                Thread.currentThread().getName());
    }

    /** Takes a second, then writes its effect. */
    @ApplicationScoped
    static class Slow implements JobHandler {
        private final Jdbc jdbc;

        Slow(Jdbc jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String kind() {
            return SLOW;
        }

        @Override
        public void run(Job job) {
            SLOW_STARTED.add(job.key());
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            writeEffect(jdbc, job);
        }
    }

    /** Writes one effect per run; done jobs are kept an hour. */
    @ApplicationScoped
    static class Brief implements JobHandler {
        private final Jdbc jdbc;

        Brief(Jdbc jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String kind() {
            return BRIEF;
        }

        @Override
        public void run(Job job) {
            writeEffect(jdbc, job);
        }

        @Override
        public java.util.Optional<Duration> keepDone() {
            return java.util.Optional.of(Duration.ofHours(1));
        }
    }

    /** Writes one effect per run. */
    @ApplicationScoped
    static class Effect implements JobHandler {
        private final Jdbc jdbc;

        Effect(Jdbc jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String kind() {
            return EFFECT;
        }

        @Override
        public void run(Job job) {
            writeEffect(jdbc, job);
        }
    }

    /**
     * Writes an effect and then fails while the job has had fewer attempts than its payload says (a
     * number as text); three attempts at most.
     */
    @ApplicationScoped
    static class Flaky implements JobHandler {
        private final Jdbc jdbc;

        Flaky(Jdbc jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String kind() {
            return FLAKY;
        }

        @Override
        public void run(Job job) {
            writeEffect(jdbc, job);
            int failures = Integer.parseInt(new String(job.payload(), StandardCharsets.UTF_8));
            if (job.attempts() < failures) {
                throw new IllegalStateException("receiver down (attempt " + job.attempts() + ")");
            }
        }

        @Override
        public RetryPolicy retryPolicy() {
            return RetryPolicy.upTo(3, Duration.ofSeconds(10), Duration.ofMinutes(1));
        }
    }

    /** Counts its runs per job key in memory (a failed run's writes roll back) and fails. */
    @ApplicationScoped
    static class Failing implements JobHandler {
        static final Map<String, Integer> RUNS = new ConcurrentHashMap<>();

        @Override
        public String kind() {
            return FAILING;
        }

        @Override
        public void run(Job job) {
            RUNS.merge(job.key(), 1, Integer::sum);
            throw new IllegalStateException("always down");
        }
    }
}
