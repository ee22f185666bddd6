package dev.rtcsuite.mixing.client;

import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.mixing.config.MixingConfig;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.TrtcCodes;
import dev.rtcsuite.mixing.domain.session.EndReason;
import dev.rtcsuite.mixing.domain.session.RecordingInput;
import dev.rtcsuite.platform.error.ErrorKind;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.RecordingTaskEndReason;
import dev.rtcsuite.recording.v1.StartMixedRecordingRequest;
import dev.rtcsuite.recording.v1.StopMixedRecordingRequest;
import dev.rtcsuite.recording.v1.UpdateMixedRecordingInputsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Mixed recordings in recording-service for OutputParams.record_id (SPEC M-2, C-2.3). Every call
 * carries a request id derived from what it does, so a repeat after a failure is answered once.
 */
@ApplicationScoped
public class MixedRecordings {

    public static final String RECORDING_DISABLED = "RECORDING_DISABLED";
    public static final String RECORD_ID_IN_USE = "RECORD_ID_IN_USE";
    public static final String ACCOUNT_NOT_IN_SERVICE = "ACCOUNT_NOT_IN_SERVICE";

    /** What a delivery of an update or stop came to. */
    public enum Outcome {
        DONE,
        /** The task has ended (or is unknown): nothing left to do for it. */
        TASK_GONE
    }

    private final RecordingServiceBlockingStub recording;
    private final MixingConfig config;

    public MixedRecordings(
            @GrpcClient("recording") RecordingServiceBlockingStub recording, MixingConfig config) {
        this.recording = recording;
        this.config = config;
    }

    /**
     * Starts (or finds again) the mixed recording of a session; returns its task id. Refusals
     * become this service's errors: RECORDING_DISABLED and ACCOUNT_NOT_IN_SERVICE are
     * FAILED_PRECONDITION, RECORD_ID_IN_USE is ALREADY_EXISTS.
     */
    public String start(
            long sdkAppId,
            Room room,
            String recordId,
            String sessionId,
            long configVersion,
            boolean audioOnly,
            List<RecordingInput> inputs) {
        StartMixedRecordingRequest.Builder request =
                StartMixedRecordingRequest.newBuilder()
                        .setRequestId(requestId(sessionId, "start", configVersion))
                        .setSdkAppId(sdkAppId)
                        .setRecordId(recordId)
                        .setMixSessionId(sessionId)
                        .setAudioOnly(audioOnly)
                        .addAllInputs(inputs.stream().map(MixedRecordings::input).toList());
        if (room.isNumeric()) {
            request.setRoomId((int) room.numericId());
        } else {
            request.setStrRoomId(room.stringId());
        }
        try {
            return stub().startMixedRecording(request.build()).getTask().getTaskId();
        } catch (StatusRuntimeException e) {
            throw refusal(e, sdkAppId, recordId);
        }
    }

    public Outcome updateInputs(
            String sessionId,
            long seq,
            String taskId,
            List<RecordingInput> inputs,
            Instant changeTime) {
        return deliver(
                () ->
                        stub().updateMixedRecordingInputs(
                                        UpdateMixedRecordingInputsRequest.newBuilder()
                                                .setRequestId(requestId(sessionId, "command", seq))
                                                .setTaskId(taskId)
                                                .addAllInputs(
                                                        inputs.stream()
                                                                .map(MixedRecordings::input)
                                                                .toList())
                                                .setChangeTime(ProtoTime.timestamp(changeTime))
                                                .build()));
    }

    public Outcome stop(String sessionId, long seq, String taskId, EndReason reason) {
        return deliver(
                () ->
                        stub().stopMixedRecording(
                                        StopMixedRecordingRequest.newBuilder()
                                                .setRequestId(requestId(sessionId, "command", seq))
                                                .setTaskId(taskId)
                                                .setReason(reason(reason))
                                                .build()));
    }

    /** NOT_FOUND and FAILED_PRECONDITION (TASK_ENDED) end the command; anything else retries. */
    private Outcome deliver(Runnable call) {
        try {
            call.run();
            return Outcome.DONE;
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND || code == Status.Code.FAILED_PRECONDITION) {
                return Outcome.TASK_GONE;
            }
            throw e;
        }
    }

    private RecordingServiceBlockingStub stub() {
        return recording.withDeadlineAfter(config.callDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ServiceException refusal(
            StatusRuntimeException e, long sdkAppId, String recordId) {
        String reason = reason(e);
        Map<String, String> metadata =
                Map.of(
                        "sdkAppId",
                        Long.toString(sdkAppId),
                        "recordId",
                        recordId,
                        TrtcCodes.KEY,
                        TrtcCodes.REQUEST_REJECTION);
        return switch (reason) {
            case RECORDING_DISABLED ->
                    ServiceException.failedPrecondition(
                            RECORDING_DISABLED,
                            "Cloud recording is off for SdkAppId "
                                    + sdkAppId
                                    + "; turn it on or start the mix without record_id.",
                            metadata);
            case ACCOUNT_NOT_IN_SERVICE ->
                    ServiceException.failedPrecondition(
                            ACCOUNT_NOT_IN_SERVICE,
                            "SdkAppId " + sdkAppId + " is not in service.",
                            metadata);
            case RECORD_ID_IN_USE ->
                    new ServiceException(
                            ErrorKind.ALREADY_EXISTS,
                            RECORD_ID_IN_USE,
                            "Another live mix session records under record_id "
                                    + recordId
                                    + "; choose another record_id.",
                            Map.of(
                                    "sdkAppId",
                                    Long.toString(sdkAppId),
                                    "recordId",
                                    recordId,
                                    TrtcCodes.KEY,
                                    TrtcCodes.invalid("RecordId")),
                            List.of());
            default ->
                    ServiceException.unavailable(
                                    "recording-service",
                                    "recording-service could not start the mixed recording ("
                                            + e.getStatus().getCode()
                                            + "); retry with back-off.")
                            .withMetadata(TrtcCodes.KEY, TrtcCodes.INTERNAL_ERROR);
        };
    }

    /** The ErrorInfo reason of a recording-service failure, or empty. */
    private static String reason(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return "";
        }
        return status.getDetailsList().stream()
                .filter(d -> d.is(com.google.rpc.ErrorInfo.class))
                .map(
                        d -> {
                            try {
                                return d.unpack(com.google.rpc.ErrorInfo.class).getReason();
                            } catch (com.google.protobuf.InvalidProtocolBufferException bad) {
                                return "";
                            }
                        })
                .findFirst()
                .orElse("");
    }

    private static RecordingTaskEndReason reason(EndReason reason) {
        return switch (reason) {
            case STOPPED, FAILED -> RecordingTaskEndReason.RECORDING_TASK_END_REASON_STOPPED_BY_API;
            case ROOM_ENDED -> RecordingTaskEndReason.RECORDING_TASK_END_REASON_ROOM_ENDED;
            case SERVICE_STOPPED ->
                    RecordingTaskEndReason.RECORDING_TASK_END_REASON_SERVICE_STOPPED;
        };
    }

    private static dev.rtcsuite.recording.v1.RecordingInput input(RecordingInput input) {
        return dev.rtcsuite.recording.v1.RecordingInput.newBuilder()
                .setUserId(input.userId())
                .setStreamType(
                        input.streamType() == dev.rtcsuite.mixing.domain.StreamType.AUX
                                ? StreamType.STREAM_TYPE_AUX
                                : StreamType.STREAM_TYPE_MAIN)
                .setVideoMixed(input.videoMixed())
                .build();
    }

    /** The same operation always gets the same request id, whoever sends it and how often. */
    private static String requestId(String sessionId, String what, long number) {
        return UUID.nameUUIDFromBytes(
                        ("mixing:" + sessionId + ":" + what + ":" + number)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
