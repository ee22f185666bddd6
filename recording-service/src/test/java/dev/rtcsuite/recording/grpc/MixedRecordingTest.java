package dev.rtcsuite.recording.grpc;

import static dev.rtcsuite.recording.testing.Recording.newApp;
import static dev.rtcsuite.recording.testing.Recording.newRoom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.client.UsageReporter;
import dev.rtcsuite.recording.testing.Recording;
import dev.rtcsuite.recording.testing.TestClock;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.RecordingInput;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.RecordingTask;
import dev.rtcsuite.recording.v1.RecordingTaskEndReason;
import dev.rtcsuite.recording.v1.RecordingTaskKind;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import dev.rtcsuite.recording.v1.StartMixedRecordingRequest;
import dev.rtcsuite.recording.v1.StartMixedRecordingResponse;
import dev.rtcsuite.recording.v1.StopMixedRecordingRequest;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.recording.v1.UpdateMixedRecordingInputsRequest;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC C-2.3: mixed recordings for mixing-service's OutputParams.record_id, and their refusals. */
@QuarkusTest
class MixedRecordingTest {

    @GrpcClient RecordingServiceBlockingStub stub;
    @Inject TestClock clock;
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

    private StartMixedRecordingRequest.Builder start(String recordId, String session) {
        return StartMixedRecordingRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSdkAppId(app)
                .setRoomId(room)
                .setRecordId(recordId)
                .setMixSessionId(session)
                .addInputs(
                        RecordingInput.newBuilder()
                                .setUserId("alice")
                                .setStreamType(StreamType.STREAM_TYPE_MAIN)
                                .setVideoMixed(true));
    }

    @Test
    void startIsIdempotentPerRecordIdAndSessionAndRefusesAnotherSession() {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_SPECIFIED_USERS,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        StartMixedRecordingResponse first = stub.startMixedRecording(start("rec_1", "s1").build());
        assertThat(first.getCreated()).isTrue();
        RecordingTask task = first.getTask();
        assertThat(task.getKind()).isEqualTo(RecordingTaskKind.RECORDING_TASK_KIND_MIXED);
        assertThat(task.getState()).isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_PENDING);
        assertThat(task.getInputsList())
                .extracting(RecordingInput::getUserId)
                .containsExactly("alice");

        StartMixedRecordingResponse again = stub.startMixedRecording(start("rec_1", "s1").build());
        assertThat(again.getCreated()).isFalse();
        assertThat(again.getTask().getTaskId()).isEqualTo(task.getTaskId());

        RpcError inUse = RpcError.of(() -> stub.startMixedRecording(start("rec_1", "s2").build()));
        assertThat(inUse.code()).isEqualTo(Code.ALREADY_EXISTS);
        assertThat(inUse.reason()).isEqualTo("RECORD_ID_IN_USE");
    }

    @Test
    void updateThenStopEndsTheTaskAndStoppingAgainReturnsItUnchanged() {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_SPECIFIED_USERS,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        String id = stub.startMixedRecording(start("rec_2", "s1").build()).getTask().getTaskId();
        RecordingTask updated =
                stub.updateMixedRecordingInputs(
                                UpdateMixedRecordingInputsRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setTaskId(id)
                                        .addInputs(
                                                RecordingInput.newBuilder()
                                                        .setUserId("bob")
                                                        .setVideoMixed(true))
                                        .build())
                        .getTask();
        assertThat(updated.getInputsList())
                .extracting(RecordingInput::getUserId)
                .containsExactly("bob");

        RecordingTask stopped = stop(id);
        assertThat(stopped.getState()).isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_COMPLETED);
        assertThat(stopped.getEndReason())
                .isEqualTo(RecordingTaskEndReason.RECORDING_TASK_END_REASON_STOPPED_BY_API);
        assertThat(stop(id)).isEqualTo(stopped);

        RpcError ended =
                RpcError.of(
                        () ->
                                stub.updateMixedRecordingInputs(
                                        UpdateMixedRecordingInputsRequest.newBuilder()
                                                .setRequestId(UUID.randomUUID().toString())
                                                .setTaskId(id)
                                                .build()));
        assertThat(ended.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(ended.reason()).isEqualTo("TASK_ENDED");
        // the record id is free again
        assertThat(stub.startMixedRecording(start("rec_2", "s2").build()).getCreated()).isTrue();
    }

    private RecordingTask stop(String id) {
        return stub.stopMixedRecording(
                        StopMixedRecordingRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setTaskId(id)
                                .build())
                .getTask();
    }

    @Test
    void refusedWhileRecordingIsOff() {
        RpcError error = RpcError.of(() -> stub.startMixedRecording(start("rec_3", "s1").build()));
        assertThat(error.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(error.reason()).isEqualTo("RECORDING_DISABLED");
    }

    @Test
    void refusedForAnAccountOutOfServiceNamingItsStatus() {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_SPECIFIED_USERS,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        Standing.outOfService(apps, app, "SUSPENDED_ARREARS");
        RpcError error = RpcError.of(() -> stub.startMixedRecording(start("rec_4", "s1").build()));
        assertThat(error.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(error.reason()).isEqualTo("ACCOUNT_NOT_IN_SERVICE");
        assertThat(error.message()).contains("SUSPENDED_ARREARS");
    }

    @Test
    void globalAutoRefusesTheServerMixWhileTheRoomMixesThroughTheClientSdk() {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        recording.report(
                recording.event(
                        StreamEventKind.STREAM_EVENT_KIND_CLIENT_MIX_STARTED, app, room, ""));
        RpcError error = RpcError.of(() -> stub.startMixedRecording(start("rec_5", "s1").build()));
        assertThat(error.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(error.reason()).isEqualTo("CLIENT_MIX_CONFLICT");

        recording.report(
                recording.event(
                        StreamEventKind.STREAM_EVENT_KIND_CLIENT_MIX_STOPPED, app, room, ""));
        assertThat(stub.startMixedRecording(start("rec_5", "s1").build()).getCreated()).isTrue();
    }

    @Test
    void theRoomsDismissalStopsItsMixedRecording() {
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_SPECIFIED_USERS,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
        String id = stub.startMixedRecording(start("rec_6", "s1").build()).getTask().getTaskId();
        recording.report(
                recording.event(StreamEventKind.STREAM_EVENT_KIND_ROOM_DISMISSED, app, room, ""));
        RecordingTask task = recording.onlyTask(app);
        assertThat(task.getTaskId()).isEqualTo(id);
        assertThat(task.getEndReason())
                .isEqualTo(RecordingTaskEndReason.RECORDING_TASK_END_REASON_ROOM_ENDED);
    }
}
