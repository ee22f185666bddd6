package dev.rtcsuite.recording.grpc;

import static dev.rtcsuite.recording.testing.Recording.newApp;
import static dev.rtcsuite.recording.testing.Recording.newRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import com.google.protobuf.FieldMask;
import dev.rtcsuite.packages.v1.ServiceStatus;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.recording.client.UsageReporter;
import dev.rtcsuite.recording.domain.files.FileState;
import dev.rtcsuite.recording.persistence.ConfigRepository;
import dev.rtcsuite.recording.persistence.FileRepository;
import dev.rtcsuite.recording.testing.FakePackageService;
import dev.rtcsuite.recording.testing.Recording;
import dev.rtcsuite.recording.testing.TestClock;
import dev.rtcsuite.recording.v1.CallbackEventType;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.GetRecordingTaskRequest;
import dev.rtcsuite.recording.v1.ListCallbackDeliveriesRequest;
import dev.rtcsuite.recording.v1.MediaFile;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.RecordingTask;
import dev.rtcsuite.recording.v1.RecordingTaskEndReason;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import dev.rtcsuite.recording.v1.SearchMediaFilesRequest;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import io.grpc.Status;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC P-6 as recording-service follows it through package-service's WatchServiceStatus, served by
 * a stand-in package-service on a real port (GetServiceStatus, GetAccount and the watch all go over
 * gRPC): an app that goes out of service has its running tasks stopped — files transferred,
 * callbacks sent, tasks FAILED SERVICE_STOPPED — its new streams are not recorded and its files not
 * served; a reclaimed account's files and configuration are purged at once and its records once its
 * usage has reached rating-service; a change missed while the watch was down is applied when it
 * reconnects; the arrears grace and late, older messages cut nothing.
 */
@QuarkusTest
@TestProfile(ServiceStatusWatchTest.WithFakePackageService.class)
class ServiceStatusWatchTest {

    /** package-service is the stand-in on a port chosen once per JVM; the watch is on. */
    public static class WithFakePackageService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.grpc.clients.packages.host", "127.0.0.1",
                    "quarkus.grpc.clients.packages.port", Integer.toString(fakePort()),
                    // tests otherwise point clients at the service under test itself
                    "quarkus.grpc.clients.packages.test-port", Integer.toString(fakePort()),
                    "rtcsuite.recording.status-watch", "true",
                    "rtcsuite.recording.status-watch-first-retry", "PT0.1S",
                    "rtcsuite.recording.status-watch-max-retry", "PT0.5S");
        }
    }

    private static final String PORT_PROPERTY = "rtcsuite.test.fake-package-service-port";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static FakePackageService packages;

    @GrpcClient RecordingServiceBlockingStub stub;
    @Inject TestClock clock;
    @Inject JobRunner jobs;
    @Inject FileRepository fileRows;
    @Inject ConfigRepository configRows;
    @InjectMock UsageReporter reporter;

    private Recording recording;
    private final long app = newApp();
    private final int room = newRoom();

    /** A free port, the same for the profile (read before the service starts) and the test. */
    static synchronized int fakePort() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                port = Integer.toString(socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(PORT_PROPERTY, port);
        }
        return Integer.parseInt(port);
    }

    @BeforeEach
    void setUp() {
        if (packages == null) {
            // the service's watch has been retrying since it started: it connects now
            packages = new FakePackageService().start(fakePort(), null);
        }
        recording = new Recording(stub, clock);
        // the channel to package-service backs off while nothing listens: wait for it to connect
        awaitTrue("the watch is open", () -> packages.openWatches() > 0);
        inService(app);
    }

    @AfterAll
    static void stopFake() throws InterruptedException {
        if (packages != null) {
            packages.stop();
            packages = null;
        }
    }

    @Test
    void anAppOutOfServiceHasItsRunningTasksStoppedAndFinalisedAndNothingNewRecorded() {
        long bystander = newApp();
        inService(bystander);
        callbacksTo(app);
        recording.publish(app, room, "alice");
        recording.publish(app, room, "bob");
        recording.publish(bystander, room, "carol");
        String alice = taskOf(app, "alice").getTaskId();
        String bob = taskOf(app, "bob").getTaskId();
        String carol = taskOf(bystander, "carol").getTaskId();
        Instant start = clock.instant();
        recording.recorder(alice, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        recording.recorder(carol, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        clock.advance(Duration.ofMinutes(5));

        packages.change(app, ServiceStatusReason.SERVICE_STATUS_REASON_SUSPENDED_ARREARS);

        awaitTrue(
                "alice's task stops",
                () -> state(alice) == RecordingTaskState.RECORDING_TASK_STATE_FINALIZING);
        assertThat(task(alice).getFailureMessage()).contains("SUSPENDED_ARREARS");
        // bob's task never received media: it fails at once
        RecordingTask neverStarted = task(bob);
        assertThat(neverStarted.getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_FAILED);
        assertThat(neverStarted.getEndReason())
                .isEqualTo(RecordingTaskEndReason.RECORDING_TASK_END_REASON_SERVICE_STOPPED);
        assertThat(state(carol)).isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_RECORDING);

        // a stream published now is not recorded
        recording.publish(app, room, "dave");
        assertThat(recording.tasks(app)).hasSize(2);

        // the file written so far is transferred as on any stop; then the task has failed
        MediaFile file =
                recording
                        .uploaded(alice, 0, FileFormat.FILE_FORMAT_HLS, start, clock.instant())
                        .getFile();
        clock.advance(Duration.ofMinutes(1));
        runJobs();
        RecordingTask ended = task(alice);
        assertThat(ended.getState()).isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_FAILED);
        assertThat(ended.getEndReason())
                .isEqualTo(RecordingTaskEndReason.RECORDING_TASK_END_REASON_SERVICE_STOPPED);
        assertThat(ended.getFailureMessage()).contains("SUSPENDED_ARREARS");
        assertThat(ended.getFileIdsList()).containsExactly(file.getFileId());
        assertThat(fileRows.find(file.getFileId()).orElseThrow().state())
                .isEqualTo(FileState.AVAILABLE);
        assertThat(deliveries(app, CallbackEventType.CALLBACK_EVENT_TYPE_TASK_STOPPED))
                .containsExactly(alice);
        assertThat(deliveries(app, CallbackEventType.CALLBACK_EVENT_TYPE_FILE_GENERATED))
                .containsExactly(alice);

        // while suspended its files are not served
        RpcError search =
                RpcError.of(
                        () ->
                                stub.searchMediaFiles(
                                        SearchMediaFilesRequest.newBuilder()
                                                .setSdkAppId(app)
                                                .build()));
        assertThat(search.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(search.message()).contains("SUSPENDED_ARREARS");
    }

    @Test
    void aChangeMissedWhileTheWatchWasDownIsAppliedWhenItReconnects() {
        recording.publish(app, room, "alice");
        String alice = recording.onlyTask(app).getTaskId();
        recording.recorder(alice, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        int opened = packages.watchesOpened();

        // package-service restarts; the app is disabled before any watch could hear of it
        packages.set(app, ServiceStatusReason.SERVICE_STATUS_REASON_APP_DISABLED);
        packages.breakWatches();

        awaitTrue(
                "the re-check after reconnecting stops alice's task",
                () -> state(alice) == RecordingTaskState.RECORDING_TASK_STATE_FINALIZING);
        assertThat(packages.watchesOpened()).isGreaterThan(opened);
        assertThat(task(alice).getFailureMessage()).contains("APP_DISABLED");
    }

    @Test
    void aReclaimedAccountsFilesAndConfigurationArePurgedAtOnce() {
        MediaFile file = recordedFile("alice");
        assertThat(fileRows.find(file.getFileId()).orElseThrow().state())
                .isEqualTo(FileState.AVAILABLE);
        assertThat(configRows.find(app)).isPresent();

        packages.change(app, ServiceStatusReason.SERVICE_STATUS_REASON_RECLAIMED);

        // no request for the files is needed
        awaitTrue(
                "the file is purged",
                () -> fileRows.find(file.getFileId()).orElseThrow().state() == FileState.DELETED);
        assertThat(configRows.find(app)).isEmpty();
    }

    @Test
    void aReclaimedAccountsRecordsArePurgedOnceItsUsageHasReachedRatingService() {
        callbacksTo(app);
        // rating-service is down: the task's usage report waits in the outbox
        doThrow(Status.UNAVAILABLE.asRuntimeException()).when(reporter).send(anyString(), any());
        MediaFile file = recordedFile("alice");
        String alice = file.getTaskId();
        String fileId = file.getFileId();
        runJobs();
        assertThat(deliveries(app, CallbackEventType.CALLBACK_EVENT_TYPE_TASK_STARTED))
                .containsExactly(alice);

        packages.change(app, ServiceStatusReason.SERVICE_STATUS_REASON_RECLAIMED);
        awaitTrue(
                "the file is deleted at once",
                () -> fileRows.find(fileId).orElseThrow().state() == FileState.DELETED);

        // past the last storage sweep that could report the day of the reclaim
        clock.advance(Duration.ofDays(4).plusHours(1));
        runJobs();
        assertThat(task(alice).getTaskId())
                .as("the records wait while the usage has not reached rating-service")
                .isEqualTo(alice);

        doNothing().when(reporter).send(anyString(), any());
        for (int round = 0; round < 2; round++) {
            clock.advance(Duration.ofMinutes(15)); // past the retries' back-off
            runJobs();
        }

        verify(reporter, atLeastOnce()).send(startsWith(alice + ":"), any());
        assertThat(RpcError.of(() -> task(alice)).code()).isEqualTo(Code.NOT_FOUND);
        assertThat(fileRows.find(fileId)).isEmpty();
        assertThat(deliveries(app, CallbackEventType.CALLBACK_EVENT_TYPE_TASK_STARTED)).isEmpty();
    }

    @Test
    void theArrearsGraceAndAnOlderMessageArrivingLateCutNothing() {
        recording.publish(app, room, "alice");
        String alice = recording.onlyTask(app).getTaskId();
        recording.recorder(alice, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        long marker = newApp();
        inService(marker);
        recording.publish(marker, room, "zoe");
        String zoe = recording.onlyTask(marker).getTaskId();

        packages.set(app, ServiceStatusReason.SERVICE_STATUS_REASON_SUSPENDED_ARREARS);
        ServiceStatus suspendedEarlier = packages.status(app);
        packages.change(app, ServiceStatusReason.SERVICE_STATUS_REASON_ARREARS_GRACE);
        packages.send(suspendedEarlier);
        // messages are applied in order: once the marker app's task has stopped, both were seen
        packages.change(marker, ServiceStatusReason.SERVICE_STATUS_REASON_TRIAL_EXHAUSTED);
        awaitTrue(
                "the marker app's task stops",
                () -> state(zoe) == RecordingTaskState.RECORDING_TASK_STATE_FAILED);

        assertThat(state(alice)).isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_RECORDING);
    }

    /** The one file of a user's 3 minutes of HLS recording in the test's room. */
    private MediaFile recordedFile(String user) {
        recording.publish(app, room, user);
        String taskId = recording.onlyTask(app).getTaskId();
        Instant start = clock.instant();
        recording.recorder(taskId, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        clock.advance(Duration.ofMinutes(3));
        recording.unpublish(app, room, user);
        return recording
                .uploaded(taskId, 0, FileFormat.FILE_FORMAT_HLS, start, clock.instant())
                .getFile();
    }

    private void inService(long sdkAppId) {
        packages.set(sdkAppId, ServiceStatusReason.SERVICE_STATUS_REASON_NONE);
        recording.configure(
                sdkAppId,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
    }

    private void callbacksTo(long sdkAppId) {
        // nothing listens there: the deliveries stay in the outbox, retrying, which is enough here
        stub.updateRecordingConfig(
                UpdateRecordingConfigRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setConfig(
                                RecordingConfig.newBuilder()
                                        .setSdkAppId(sdkAppId)
                                        .setCallbackUrl("http://127.0.0.1:9/recording"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("callback_url"))
                        .build());
    }

    private RecordingTask taskOf(long sdkAppId, String user) {
        return recording.tasks(sdkAppId).stream()
                .filter(t -> t.getUserId().equals(user))
                .findFirst()
                .orElseThrow();
    }

    private RecordingTask task(String id) {
        return stub.getRecordingTask(GetRecordingTaskRequest.newBuilder().setTaskId(id).build())
                .getTask();
    }

    private RecordingTaskState state(String id) {
        return task(id).getState();
    }

    /** The task ids of the app's callbacks of one type. */
    private List<String> deliveries(long sdkAppId, CallbackEventType type) {
        return stub
                .listCallbackDeliveries(
                        ListCallbackDeliveriesRequest.newBuilder()
                                .setSdkAppId(sdkAppId)
                                .addEventTypes(type)
                                .build())
                .getDeliveriesList()
                .stream()
                .map(d -> d.getTaskId())
                .toList();
    }

    private void runJobs() {
        while (jobs.runDue(clock.instant(), 100) > 0) {
            // until nothing more is due
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within " + PATIENCE);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what + ": interrupted");
            }
        }
    }
}
