package dev.rtcsuite.recording.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.testing.LocalCredentials;
import dev.rtcsuite.platform.testing.PackagedServiceResource;
import dev.rtcsuite.recording.testing.FakePackageService;
import dev.rtcsuite.recording.testing.FreshDatabase;
import dev.rtcsuite.recording.testing.Recording;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.GetRecordingTaskRequest;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.RecordingTask;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import dev.rtcsuite.recording.v1.StreamEventKind;
import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC C-3 (issue #5 acceptance): a real restart during a resume window. The packaged service runs
 * as a child JVM on the test database; two anchors leave, the JVM is killed as {@code kill -9}
 * would kill it while both resume waits run, and started again. Then the resume timer of the anchor
 * that stays away fires exactly once, at its deadline (one task, one file), and the anchor that
 * comes back inside its window continues its task and its one file; its timer never fires.
 */
class ResumeAcrossRestartIT {

    /** Long enough for a kill and a restart on a busy machine, inside the C-1 range 0–300 s. */
    private static final Duration RESUME = Duration.ofSeconds(120);

    private static final Duration START_PATIENCE = Duration.ofSeconds(90);
    private static final String RESUME_EXPIRY = "recording.resume-expiry";

    private final LocalCredentials credentials = PackagedServiceResource.credentials();
    private final long app = Recording.newApp();
    private final int room = Recording.newRoom();
    private FakePackageService packages;
    private ServiceProcess service;
    private ManagedChannel channel;
    private RecordingServiceBlockingStub stub;
    private Recording recording;

    @BeforeEach
    void start() throws Exception {
        new FreshDatabase().start();
        packages = new FakePackageService().start(0, tls());
        packages.set(app, ServiceStatusReason.SERVICE_STATUS_REASON_NONE);
        service =
                new ServiceProcess(
                        credentials,
                        FreshDatabase.name(),
                        Map.of(
                                "RTCSUITE_PACKAGE_PORT",
                                Integer.toString(packages.port()),
                                // no rating-service: usage waits in its durable queue
                                "RTCSUITE_RATING_PORT",
                                Integer.toString(ServiceProcess.freePort())));
        service.start(START_PATIENCE);
        connect();
    }

    @AfterEach
    void stop() throws Exception {
        disconnect();
        service.close();
        packages.stop();
    }

    @Test
    void theResumeTimerFiresOnceAfterTheServiceIsKilledAndStartedAgain() throws Exception {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                (int) RESUME.toSeconds());
        recording.publish(app, room, "alice");
        recording.publish(app, room, "bob");
        String alice = taskOf("alice");
        String bob = taskOf("bob");
        recording.recorder(alice, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        recording.recorder(bob, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        Thread.sleep(1_000);
        recording.unpublish(app, room, "alice");
        recording.unpublish(app, room, "bob");
        RecordingTask aliceAway = task(alice);
        Instant aliceLeft = ProtoTime.instant(aliceAway.getInterruptTime());
        Instant aliceDeadline = ProtoTime.instant(aliceAway.getResumeDeadlineTime());
        Instant bobDeadline = ProtoTime.instant(task(bob).getResumeDeadlineTime());
        assertThat(aliceDeadline).isEqualTo(aliceLeft.plus(RESUME));
        assertThat(resumeTimers(alice)).containsExactly("PENDING 0");

        disconnect();
        service.kill();
        service.start(START_PATIENCE);
        connect();

        assertThat(Instant.now()).as("restarted inside bob's resume window").isBefore(bobDeadline);
        recording.publish(app, room, "bob");
        assertThat(task(bob).getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_RECORDING);

        RecordingTask aliceStopped =
                await(
                        alice,
                        t -> t.getState() == RecordingTaskState.RECORDING_TASK_STATE_FINALIZING,
                        Duration.between(Instant.now(), aliceDeadline).plusSeconds(30));
        assertThat(ProtoTime.instant(aliceStopped.getStopTime())).isEqualTo(aliceDeadline);
        while (Instant.now().isBefore(bobDeadline.plusSeconds(5))) {
            Thread.sleep(500);
        }
        // each timer ran at most once: alice's once (DONE), bob's never (cancelled by his return)
        assertThat(resumeTimers(alice)).containsExactly("DONE 1");
        assertThat(resumeTimers(bob)).containsExactly("CANCELLED 0");
        assertThat(task(bob).getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_RECORDING);
        assertThat(recording.tasks(app))
                .extracting(RecordingTask::getTaskId)
                .containsOnly(alice, bob);

        // the room ends: alice's one file ends where she left, bob's one file spans his absence
        recording.report(
                recording.event(StreamEventKind.STREAM_EVENT_KIND_ROOM_DISMISSED, app, room, ""));
        RecordingTask bobStopped = task(bob);
        assertThat(bobStopped.getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_FINALIZING);
        assertThat(bobStopped.getFileSequence()).isZero();
        recording.uploaded(
                alice,
                0,
                FileFormat.FILE_FORMAT_HLS,
                ProtoTime.instant(aliceStopped.getStartTime()),
                aliceLeft);
        recording.uploaded(
                bob,
                0,
                FileFormat.FILE_FORMAT_HLS,
                ProtoTime.instant(bobStopped.getStartTime()),
                ProtoTime.instant(bobStopped.getStopTime()));
        assertThat(task(alice).getFileIdsList()).hasSize(1);
        assertThat(task(bob).getFileIdsList()).hasSize(1);
    }

    private void connect() {
        channel = credentials.channel(service.port, "admin");
        stub = RecordingServiceGrpc.newBlockingStub(channel);
        recording = new Recording(stub, Clock.systemUTC());
    }

    private void disconnect() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            channel = null;
        }
    }

    /** package-service's side of mutual TLS, with the local credentials' package certificate. */
    private SslContext tls() throws Exception {
        return GrpcSslContexts.forServer(
                        credentials.dir().resolve("package.pem").toFile(),
                        credentials.dir().resolve("package.key").toFile())
                .trustManager(credentials.dir().resolve("ca.pem").toFile())
                .clientAuth(ClientAuth.OPTIONAL)
                .build();
    }

    private String taskOf(String user) {
        return recording.tasks(app).stream()
                .filter(t -> t.getUserId().equals(user))
                .findFirst()
                .orElseThrow()
                .getTaskId();
    }

    private RecordingTask task(String id) {
        return stub.getRecordingTask(GetRecordingTaskRequest.newBuilder().setTaskId(id).build())
                .getTask();
    }

    private RecordingTask await(String id, Predicate<RecordingTask> until, Duration patience)
            throws Exception {
        Instant deadline = Instant.now().plus(patience);
        RecordingTask task = task(id);
        while (!until.test(task)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "task " + id + " is " + task.getState() + "\n" + service.tail());
            }
            Thread.sleep(250);
            task = task(id);
        }
        return task;
    }

    /** The task's resume-expiry timers as stored: "state attempts" each. */
    private List<String> resumeTimers(String taskId) throws Exception {
        try (Connection db = FreshDatabase.connect();
                PreparedStatement query =
                        db.prepareStatement(
                                "SELECT state, attempts FROM durable_job WHERE kind = ? AND"
                                        + " job_key LIKE ? ORDER BY id")) {
            query.setString(1, RESUME_EXPIRY);
            query.setString(2, taskId + ":%");
            List<String> timers = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    timers.add(rows.getString(1) + " " + rows.getInt(2));
                }
            }
            return timers;
        }
    }
}
