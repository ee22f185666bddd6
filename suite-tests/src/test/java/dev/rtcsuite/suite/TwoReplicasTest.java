package dev.rtcsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.ReportStreamEventsRequest;
import dev.rtcsuite.recording.v1.ReportStreamEventsResponse;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.suite.faults.FaultyReceiver;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two replicas of recording-service on one database (SPEC X-4, issue #9): the durable work of N
 * recording tasks — a TASK_STARTED and a TASK_STOPPED callback and a resume-expiry timer each —
 * runs exactly once, counted at a real HTTP receiver and in the job rows. The media plane's events
 * go to both replicas, half each.
 *
 * <p>N is {@code -Drtcsuite.replicas.tasks} (default 200: 400 callbacks and 200 timers in about a
 * minute). The size is 5,000 tasks: 10,000 callbacks and 5,000 timers ({@code
 * -Drtcsuite.replicas.tasks=5000}): passed on 2026-11-30 on the 2-core development machine, every
 * callback and timer exactly once, the work done in 176 s (199 s with the suite's start).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasTest {

    private static final int TASKS = Integer.getInteger("rtcsuite.replicas.tasks", 200);
    private static final int PER_ROOM = 50;
    private static final int BATCH = 100;

    /** Ten minutes, and a quarter of a second more per task for the larger runs. */
    private static final Duration PATIENCE =
            Duration.ofMinutes(10).plusMillis(250L * Math.max(0, TASKS - 200));

    private RunningSuite suite;
    private FaultDrill drill;
    private ServiceProcess second;
    private FaultyReceiver receiver;
    private final List<ManagedChannel> media = new ArrayList<>();

    @BeforeAll
    void startTwoReplicas() throws Exception {
        suite =
                RunningSuite.start(
                        "two-replicas",
                        "",
                        RunningSuite.postgresAddress(),
                        FaultDrill.PATIENT_POOL);
        drill = new FaultDrill(suite, FaultDrill.sharedServer());
        second = drill.startReplica("recording");
        receiver = new FaultyReceiver();
        media.add(suite.credentials.channel(suite.service("recording").port, "media"));
        media.add(suite.credentials.channel(second.port, "media"));
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (ManagedChannel channel : media) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (receiver != null) {
            receiver.close();
        }
        if (second != null) {
            second.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyCallbackAndTimerRunsExactlyOnceAcrossTwoReplicas() throws Exception {
        long app = drill.newApp("Two Replicas Ltd").getSdkAppId();
        MediaEvents.configureRecording(
                suite.channel("recording"),
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                receiver.url("/replicas"));
        long started = System.nanoTime();

        report(app, StreamEventKind.STREAM_EVENT_KIND_PUBLISHED);
        List<String> tasks = tasks(app);
        assertThat(tasks).hasSize(TASKS);
        startRecorders(tasks);
        report(app, StreamEventKind.STREAM_EVENT_KIND_UNPUBLISHED);
        drill.pass(Duration.ofSeconds(61));

        FaultDrill.await(
                () ->
                        receiver.requests().size() >= 2 * TASKS
                                && drill.number(
                                                "recording",
                                                "SELECT count(*) FROM recording_task"
                                                        + " WHERE sdk_app_id = ? AND state = 'FINALIZING'",
                                                app)
                                        == TASKS,
                PATIENCE,
                2 * TASKS + " callbacks and " + TASKS + " tasks finalizing");
        Thread.sleep(3_000); // a doubled delivery would arrive now
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Set<String> events = new HashSet<>();
        for (List<Object> row :
                drill.rows(
                        "recording",
                        "SELECT event_id FROM callback_delivery WHERE sdk_app_id = ?",
                        app)) {
            events.add((String) row.getFirst());
        }
        assertThat(events).hasSize(2 * TASKS);
        // Each callback reached the receiver exactly once: no attempt failed, none was repeated.
        assertThat(receiver.requests()).hasSize(2 * TASKS);
        assertThat(receiver.deliveries()).hasSize(2 * TASKS).containsOnlyKeys(events);
        assertThat(Set.copyOf(receiver.deliveries().values())).containsExactly(1L);
        assertThat(
                        drill.rows(
                                "recording",
                                "SELECT state, attempt_count, count(*) FROM callback_delivery"
                                        + " WHERE sdk_app_id = ? GROUP BY state, attempt_count",
                                app))
                .containsExactly(List.of("DELIVERED", 1, (long) 2 * TASKS));
        assertThat(
                        drill.rows(
                                "recording",
                                "SELECT j.state, j.attempts, count(*) FROM recording_task t"
                                        + " JOIN durable_job j ON j.kind = 'recording.resume-expiry'"
                                        + " AND j.job_key LIKE t.task_id || ':%'"
                                        + " WHERE t.sdk_app_id = ? GROUP BY j.state, j.attempts",
                                app))
                .containsExactly(List.of("DONE", 1, (long) TASKS));
        System.out.printf(
                "two replicas: %d callbacks and %d timers exactly once in %d s%n",
                2 * TASKS, TASKS, took.toSeconds());
    }

    /** Every anchor's stream event of {@code kind}, in batches, alternately to each replica. */
    private void report(long app, StreamEventKind kind) throws Exception {
        List<ReportStreamEventsRequest> batches = new ArrayList<>();
        ReportStreamEventsRequest.Builder batch = ReportStreamEventsRequest.newBuilder();
        for (int u = 0; u < TASKS; u++) {
            batch.addEvents(
                    MediaEvents.anchor(
                                    app,
                                    1 + u / PER_ROOM,
                                    "anchor-" + u,
                                    640,
                                    480,
                                    kind,
                                    drill.now())
                            .getEvent());
            if (batch.getEventsCount() == BATCH || u == TASKS - 1) {
                batches.add(batch.build());
                batch = ReportStreamEventsRequest.newBuilder();
            }
        }
        long accepted = 0;
        for (int b = 0; b < batches.size(); b++) {
            accepted += stream(media.get(b % 2), batches.get(b)).getAcceptedCount();
        }
        assertThat(accepted).isEqualTo(TASKS);
    }

    private static ReportStreamEventsResponse stream(
            ManagedChannel channel, ReportStreamEventsRequest batch) throws Exception {
        CompletableFuture<ReportStreamEventsResponse> answer = new CompletableFuture<>();
        StreamObserver<ReportStreamEventsRequest> requests =
                RecordingServiceGrpc.newStub(channel)
                        .withDeadlineAfter(120, TimeUnit.SECONDS)
                        .reportStreamEvents(
                                new StreamObserver<>() {
                                    @Override
                                    public void onNext(ReportStreamEventsResponse response) {
                                        answer.complete(response);
                                    }

                                    @Override
                                    public void onError(Throwable t) {
                                        answer.completeExceptionally(t);
                                    }

                                    @Override
                                    public void onCompleted() {}
                                });
        requests.onNext(batch);
        requests.onCompleted();
        return answer.get(120, TimeUnit.SECONDS);
    }

    /** MEDIA_STARTED for every task, from a few recorders, alternately to each replica. */
    private void startRecorders(List<String> tasks) throws Exception {
        try (ExecutorService recorders = Executors.newFixedThreadPool(8)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                var stub = RecordingServiceGrpc.newBlockingStub(media.get(t % 2));
                String task = tasks.get(t);
                sent.add(
                        recorders.submit(
                                () ->
                                        stub.reportRecorderEvent(
                                                MediaEvents.recorder(
                                                        task,
                                                        RecorderEventKind
                                                                .RECORDER_EVENT_KIND_MEDIA_STARTED,
                                                        drill.now()))));
            }
            for (Future<?> one : sent) {
                one.get();
            }
        }
    }

    private List<String> tasks(long app) throws Exception {
        return drill
                .rows("recording", "SELECT task_id FROM recording_task WHERE sdk_app_id = ?", app)
                .stream()
                .map(row -> (String) row.getFirst())
                .toList();
    }
}
