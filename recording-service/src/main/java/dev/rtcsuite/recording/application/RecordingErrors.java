package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import java.util.Map;

/** The recording.rtcsuite.dev failures (proto/README.md). */
public final class RecordingErrors {

    public static final String APP_NOT_FOUND = "APP_NOT_FOUND";
    public static final String TASK_NOT_FOUND = "TASK_NOT_FOUND";
    public static final String MEDIA_FILE_NOT_FOUND = "MEDIA_FILE_NOT_FOUND";
    public static final String ACCOUNT_NOT_IN_SERVICE = "ACCOUNT_NOT_IN_SERVICE";
    public static final String RECORDING_DISABLED = "RECORDING_DISABLED";
    public static final String CLIENT_MIX_CONFLICT = "CLIENT_MIX_CONFLICT";
    public static final String TASK_NOT_MIXED = "TASK_NOT_MIXED";
    public static final String TASK_ENDED = "TASK_ENDED";
    public static final String RECORD_ID_IN_USE = "RECORD_ID_IN_USE";

    private RecordingErrors() {}

    static ServiceException appNotFound(long sdkAppId) {
        return ServiceException.notFound(
                APP_NOT_FOUND,
                "No app with SdkAppId " + sdkAppId + ".",
                Map.of("sdkAppId", Long.toString(sdkAppId)));
    }

    static ServiceException notInService(long sdkAppId, String status) {
        return ServiceException.failedPrecondition(
                ACCOUNT_NOT_IN_SERVICE,
                "SdkAppId " + sdkAppId + " is not in service (" + status + ").",
                Map.of("sdkAppId", Long.toString(sdkAppId), "statusReason", status));
    }

    static ServiceException taskNotFound(String taskId) {
        return ServiceException.notFound(
                TASK_NOT_FOUND, "No recording task " + taskId + ".", Map.of("taskId", taskId));
    }

    static ServiceException recordingDisabled(long sdkAppId) {
        return ServiceException.failedPrecondition(
                RECORDING_DISABLED,
                "Cloud recording is off for SdkAppId " + sdkAppId + "; enable it first.",
                Map.of("sdkAppId", Long.toString(sdkAppId)));
    }

    static ServiceException clientMixConflict(long sdkAppId, Room room) {
        return ServiceException.failedPrecondition(
                CLIENT_MIX_CONFLICT,
                "Room "
                        + room.id()
                        + " mixes through the client SDK and the app records in GLOBAL_AUTO mode:"
                        + " server and client mixing cannot both be used for one room.",
                Map.of("sdkAppId", Long.toString(sdkAppId), "roomId", room.id()));
    }

    static ServiceException notMixed(String taskId) {
        return ServiceException.failedPrecondition(
                TASK_NOT_MIXED,
                "Task " + taskId + " is a single-stream task, not a mixed recording.",
                Map.of("taskId", taskId));
    }

    static ServiceException ended(RecordingTask task) {
        return ServiceException.failedPrecondition(
                TASK_ENDED,
                "Task " + task.id() + " has ended (" + task.state() + ").",
                Map.of("taskId", task.id(), "taskState", task.state().name()));
    }

    static ServiceException recordIdInUse(long sdkAppId, String recordId, String taskId) {
        return ServiceException.alreadyExists(
                RECORD_ID_IN_USE,
                "Another mix session records under record_id " + recordId + ".",
                Map.of(
                        "sdkAppId",
                        Long.toString(sdkAppId),
                        "recordId",
                        recordId,
                        "taskId",
                        taskId));
    }
}
