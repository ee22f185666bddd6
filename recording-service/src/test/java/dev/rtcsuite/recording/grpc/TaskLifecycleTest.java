package dev.rtcsuite.recording.grpc;

import static dev.rtcsuite.recording.testing.Recording.newApp;
import static dev.rtcsuite.recording.testing.Recording.newRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.client.UsageReporter;
import dev.rtcsuite.recording.domain.usage.UsageSegment;
import dev.rtcsuite.recording.persistence.UsageSegments;
import dev.rtcsuite.recording.testing.FreshDatabase;
import dev.rtcsuite.recording.testing.Recording;
import dev.rtcsuite.recording.testing.TestClock;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.GetRecordingTaskRequest;
import dev.rtcsuite.recording.v1.ListRecordingTasksRequest;
import dev.rtcsuite.recording.v1.MediaFile;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.RecordingTask;
import dev.rtcsuite.recording.v1.RecordingTaskEndReason;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import dev.rtcsuite.recording.v1.RecordingTaskTrigger;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC C-2, C-3, C-4, C-7 end to end inside the service, over real PostgreSQL: tasks started and
 * stopped by stream events in each mode, durable timers run as jobs (read back from the database,
 * as after a restart), files indexed under their C-4 names, usage by format.
 */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
class TaskLifecycleTest {

    @GrpcClient RecordingServiceBlockingStub stub;
    @Inject TestClock clock;
    @Inject JobRunner jobs;
    @Inject UsageSegments usage;
    @InjectMock AppDirectory apps;
    @InjectMock UsageReporter reporter;

    private Recording recording;
    private final long app = newApp();
    private final int room = newRoom();

    @BeforeEach
    void inService() {
        Standing.everyAppInService(apps);
        recording = new Recording(stub, clock);
    }

    private RecordingTask task(String id) {
        return stub.getRecordingTask(GetRecordingTaskRequest.newBuilder().setTaskId(id).build())
                .getTask();
    }

    /** Runs the jobs due at the clock's time, reading every task from the database. */
    private void runJobs() {
        while (jobs.runDue(clock.instant(), 100) > 0) {
            // until nothing more is due
        }
    }

    @Test
    void globalAutoRecordsEveryAnchorFromPublishToCompletion() {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        recording.publish(app, room, "alice");
        RecordingTask pending = recording.onlyTask(app);
        assertThat(pending.getState()).isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_PENDING);
        assertThat(pending.getTrigger())
                .isEqualTo(RecordingTaskTrigger.RECORDING_TASK_TRIGGER_GLOBAL_AUTO);
        assertThat(pending.getStreamId()).isEqualTo(app + "_" + room + "_alice_main");

        Instant start = clock.instant();
        recording.recorder(
                pending.getTaskId(), RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        clock.advance(Duration.ofMinutes(10));
        recording.unpublish(app, room, "alice");
        RecordingTask finalizing = task(pending.getTaskId());
        assertThat(finalizing.getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_FINALIZING);

        MediaFile file =
                recording
                        .uploaded(
                                pending.getTaskId(),
                                0,
                                FileFormat.FILE_FORMAT_HLS,
                                start,
                                clock.instant())
                        .getFile();
        assertThat(file.getName())
                .isEqualTo(pending.getStreamId() + "_" + name(start) + "_" + name(clock.instant()));
        clock.advance(Duration.ofSeconds(60));
        runJobs();

        RecordingTask completed = task(pending.getTaskId());
        assertThat(completed.getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_COMPLETED);
        assertThat(completed.getEndReason())
                .isEqualTo(RecordingTaskEndReason.RECORDING_TASK_END_REASON_STREAM_ENDED);
        assertThat(completed.getFileIdsList()).containsExactly(file.getFileId());
        // ended tasks stay queryable (C-3), a day later too
        clock.advance(Duration.ofHours(25));
        assertThat(task(pending.getTaskId()).getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_COMPLETED);
    }

    @Test
    void specifiedUsersRecordsOnlyStreamsWithAUserDefineRecordId() {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_SPECIFIED_USERS,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        recording.publish(app, room, "bob");
        assertThat(recording.tasks(app)).isEmpty();
        recording.publish(app, room, "carol", "class42");
        RecordingTask task = recording.onlyTask(app);
        assertThat(task.getUserId()).isEqualTo("carol");
        assertThat(task.getTrigger())
                .isEqualTo(RecordingTaskTrigger.RECORDING_TASK_TRIGGER_USER_DEFINE_RECORD_ID);
        assertThat(task.getUserDefineRecordId()).isEqualTo("class42");
    }

    @Test
    void nothingIsRecordedWhileRecordingIsOffOrTheAccountIsOutOfService() {
        recording.publish(app, room, "alice");
        assertThat(recording.tasks(app)).isEmpty();

        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        Standing.outOfService(apps, app, "SUSPENDED_ARREARS");
        recording.publish(app, room, "bob");
        assertThat(recording.tasks(app)).isEmpty();
    }

    @Test
    void aTaskWithoutMediaFailsAtTheStartTimeout() {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        recording.publish(app, room, "alice");
        String id = recording.onlyTask(app).getTaskId();
        clock.advance(Duration.ofSeconds(59));
        runJobs();
        assertThat(task(id).getState()).isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_PENDING);
        clock.advance(Duration.ofSeconds(1));
        runJobs();
        RecordingTask failed = task(id);
        assertThat(failed.getState()).isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_FAILED);
        assertThat(failed.getEndReason())
                .isEqualTo(RecordingTaskEndReason.RECORDING_TASK_END_REASON_START_TIMEOUT);
        assertThat(failed.getFailureMessage()).contains("60 s");
    }

    @Test
    void hlsResume300sAnchorBackAfter200sContinuesTheSameTask() {
        // issue #5 acceptance: HLS, resume 300 s, the anchor drops for 200 s → one task, one file
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                300);
        recording.publish(app, room, "alice");
        String id = recording.onlyTask(app).getTaskId();
        recording.recorder(id, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        clock.advance(Duration.ofMinutes(10));
        recording.unpublish(app, room, "alice");
        assertThat(task(id).getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_INTERRUPTED);
        clock.advance(Duration.ofSeconds(200));
        runJobs();
        recording.publish(app, room, "alice");
        assertThat(task(id).getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_RECORDING);
        clock.advance(Duration.ofMinutes(10));
        runJobs();
        assertThat(recording.tasks(app)).hasSize(1);
    }

    @Test
    void hlsResume300sAnchorBackAfter400sStartsASecondTaskAndTheFirstFinalizesOnTime() {
        // issue #5 acceptance: 400 s away → two tasks (two files); the resume expiry is a durable
        // job that runs from the task as stored, as it would after a restart of the service
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                300);
        recording.publish(app, room, "alice");
        String first = recording.onlyTask(app).getTaskId();
        Instant start = clock.instant();
        recording.recorder(first, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        clock.advance(Duration.ofMinutes(10));
        Instant left = clock.instant();
        recording.unpublish(app, room, "alice");
        RecordingTask interrupted = task(first);
        Instant deadline = ProtoTime.instant(interrupted.getResumeDeadlineTime());
        assertThat(deadline).isEqualTo(left.plusSeconds(300));

        clock.advance(Duration.ofSeconds(299));
        runJobs();
        assertThat(task(first).getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_INTERRUPTED);
        clock.advance(Duration.ofSeconds(1));
        runJobs();
        RecordingTask finalizing = task(first);
        assertThat(finalizing.getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_FINALIZING);
        assertThat(ProtoTime.instant(finalizing.getStopTime())).isEqualTo(deadline);

        clock.advance(Duration.ofSeconds(100));
        recording.publish(app, room, "alice");
        List<RecordingTask> tasks = recording.tasks(app);
        assertThat(tasks).hasSize(2);
        assertThat(tasks.getFirst().getTaskId()).isNotEqualTo(first);

        recording.uploaded(first, 0, FileFormat.FILE_FORMAT_HLS, start, left);
        clock.advance(Duration.ofSeconds(60));
        runJobs();
        assertThat(task(first).getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_COMPLETED);
    }

    @Test
    void mp4WithMax30MinutesSplitsA95MinuteRecordingIntoFourNamedFiles() {
        // issue #5 acceptance: MP4, max 30 min, 95 minutes → 4 files; with FLV too, two file sets
        // and doubled usage
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_MP4, FileFormat.FILE_FORMAT_FLV),
                30,
                0);
        recording.publish(app, room, "alice");
        String id = recording.onlyTask(app).getTaskId();
        Instant start = clock.instant();
        recording.recorder(id, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        for (int minute = 30; minute <= 90; minute += 30) {
            clock.moveTo(start.plus(Duration.ofMinutes(minute)));
            runJobs();
        }
        assertThat(task(id).getFileSequence()).isEqualTo(3);
        clock.moveTo(start.plus(Duration.ofMinutes(95)));
        recording.unpublish(app, room, "alice");

        List<MediaFile> files = new ArrayList<>();
        for (FileFormat format : List.of(FileFormat.FILE_FORMAT_MP4, FileFormat.FILE_FORMAT_FLV)) {
            for (int seq = 0; seq < 4; seq++) {
                Instant from = start.plus(Duration.ofMinutes(30L * seq));
                Instant to =
                        seq == 3
                                ? start.plus(Duration.ofMinutes(95))
                                : from.plus(Duration.ofMinutes(30));
                files.add(recording.uploaded(id, seq, format, from, to).getFile());
            }
        }
        clock.advance(Duration.ofSeconds(60));
        runJobs();
        assertThat(task(id).getState())
                .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_COMPLETED);
        String prefix = app + "_" + room + "_alice_main_";
        assertThat(files.subList(0, 4))
                .extracting(MediaFile::getName)
                .containsExactly(
                        prefix + name(start) + "_" + name(start.plus(Duration.ofMinutes(30))),
                        prefix
                                + name(start.plus(Duration.ofMinutes(30)))
                                + "_"
                                + name(start.plus(Duration.ofMinutes(60))),
                        prefix
                                + name(start.plus(Duration.ofMinutes(60)))
                                + "_"
                                + name(start.plus(Duration.ofMinutes(90))),
                        prefix
                                + name(start.plus(Duration.ofMinutes(90)))
                                + "_"
                                + name(start.plus(Duration.ofMinutes(95))));
        assertThat(files.subList(0, 4))
                .extracting(f -> f.getDuration().getSeconds())
                .containsExactly(1_800L, 1_800L, 1_800L, 300L);
        assertThat(task(id).getFileIdsList()).hasSize(8);

        List<UsageSegment> segments = usage.ofTask(id);
        assertThat(segments.stream().mapToLong(UsageSegment::seconds).sum()).isEqualTo(95 * 60L);
        assertThat(segments.stream().mapToLong(UsageSegment::billableSeconds).sum())
                .isEqualTo(2 * 95 * 60L);
    }

    @Test
    void aStopWithFilesMissingKeepsCheckingThenFailsWithStorageUnavailable() {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        recording.publish(app, room, "alice");
        String id = recording.onlyTask(app).getTaskId();
        recording.recorder(id, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        clock.advance(Duration.ofMinutes(5));
        recording.unpublish(app, room, "alice");
        for (int check = 0; check < 10; check++) {
            clock.advance(Duration.ofSeconds(60));
            runJobs();
        }
        RecordingTask failed = task(id);
        assertThat(failed.getState()).isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_FAILED);
        assertThat(failed.getEndReason())
                .isEqualTo(RecordingTaskEndReason.RECORDING_TASK_END_REASON_STORAGE_UNAVAILABLE);
    }

    private static String name(Instant time) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss")
                .format(time.atZone(Standing.SHANGHAI));
    }

    @Test
    void aTaskListsPageTokenIsRefusedWithOtherFilters() {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        for (String user : List.of("ann", "ben", "cat")) {
            recording.publish(app, room, user);
        }
        ListRecordingTasksRequest pending =
                ListRecordingTasksRequest.newBuilder()
                        .setSdkAppId(app)
                        .addStates(RecordingTaskState.RECORDING_TASK_STATE_PENDING)
                        .setPageSize(2)
                        .build();
        String token = stub.listRecordingTasks(pending).getNextPageToken();

        RpcError refused =
                RpcError.of(
                        () ->
                                stub.listRecordingTasks(
                                        pending.toBuilder()
                                                .clearStates()
                                                .setPageToken(token)
                                                .build()));
        assertThat(refused.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(refused.violations()).containsOnlyKeys("page_token");
        assertThat(
                        stub.listRecordingTasks(pending.toBuilder().setPageToken(token).build())
                                .getTasksList())
                .extracting(RecordingTask::getUserId)
                .containsExactly("ann");
    }
}
