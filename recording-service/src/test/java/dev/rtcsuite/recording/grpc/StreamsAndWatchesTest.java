package dev.rtcsuite.recording.grpc;

import static dev.rtcsuite.recording.testing.Recording.newApp;
import static dev.rtcsuite.recording.testing.Recording.newRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.testing.Recording;
import dev.rtcsuite.recording.testing.TestClock;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.MutinyRecordingServiceGrpc.MutinyRecordingServiceStub;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import dev.rtcsuite.recording.v1.ReportStreamEventsRequest;
import dev.rtcsuite.recording.v1.ReportStreamEventsResponse;
import dev.rtcsuite.recording.v1.StreamEvent;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.recording.v1.WatchRecordingTasksRequest;
import dev.rtcsuite.recording.v1.WatchRecordingTasksResponse;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** ReportStreamEvents batches (each event applied once) and WatchRecordingTasks for recorders. */
@QuarkusTest
class StreamsAndWatchesTest {

    @GrpcClient RecordingServiceBlockingStub stub;

    @GrpcClient("streams")
    MutinyRecordingServiceStub streams;

    @Inject TestClock clock;
    @InjectMock AppDirectory apps;

    private final long app = newApp();
    private final int room = newRoom();
    private Recording recording;

    @BeforeEach
    void setUp() {
        Standing.everyAppInService(apps);
        recording = new Recording(stub, clock);
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
    }

    @Test
    void batchesApplyEachEventOnceAndCountDuplicates() {
        StreamEvent alice =
                recording
                        .event(StreamEventKind.STREAM_EVENT_KIND_PUBLISHED, app, room, "alice")
                        .build();
        StreamEvent bob =
                recording
                        .event(StreamEventKind.STREAM_EVENT_KIND_PUBLISHED, app, room, "bob")
                        .build();
        ReportStreamEventsResponse response =
                streams.reportStreamEvents(
                                Multi.createFrom()
                                        .items(
                                                ReportStreamEventsRequest.newBuilder()
                                                        .addEvents(alice)
                                                        .build(),
                                                ReportStreamEventsRequest.newBuilder()
                                                        .addEvents(alice)
                                                        .addEvents(bob)
                                                        .build()))
                        .await()
                        .atMost(Duration.ofSeconds(20));

        assertThat(response.getAcceptedCount()).isEqualTo(2);
        assertThat(response.getDuplicateCount()).isEqualTo(1);
        assertThat(recording.tasks(app)).hasSize(2);
    }

    @Test
    void aBatchLooksUpItsAppAtPackageServiceOnceHoweverManyTasksItStarts() {
        ReportStreamEventsRequest.Builder batch = ReportStreamEventsRequest.newBuilder();
        for (String user : List.of("alice", "bob", "carol")) {
            batch.addEvents(
                    recording.event(StreamEventKind.STREAM_EVENT_KIND_PUBLISHED, app, room, user));
        }
        Mockito.clearInvocations(apps);

        ReportStreamEventsResponse response =
                streams.reportStreamEvents(Multi.createFrom().item(batch.build()))
                        .await()
                        .atMost(Duration.ofSeconds(20));

        assertThat(response.getAcceptedCount()).isEqualTo(3);
        assertThat(recording.tasks(app)).hasSize(3);
        Mockito.verify(apps, Mockito.times(1)).find(app);
    }

    @Test
    void recordersSeeTheirTasksThenEveryChange() {
        recording.publish(app, room, "alice");
        String taskId = recording.onlyTask(app).getTaskId();
        AssertSubscriber<WatchRecordingTasksResponse> messages =
                streams.watchRecordingTasks(
                                WatchRecordingTasksRequest.newBuilder().setSdkAppId(app).build())
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        messages.awaitItems(1, Duration.ofSeconds(10));
        assertThat(messages.getItems().getFirst().getSnapshot()).isTrue();
        assertThat(messages.getItems().getFirst().getTask().getTaskId()).isEqualTo(taskId);

        recording.recorder(taskId, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        messages.awaitItems(2, Duration.ofSeconds(10));
        assertThat(messages.getItems().get(1).getSnapshot()).isFalse();
        assertThat(messages.getItems().get(1).getTask().getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_RECORDING);
        messages.cancel();
    }
}
