package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.Table;
import dev.rtcsuite.admin.output.Values;
import dev.rtcsuite.recording.v1.ListRecordingTasksRequest;
import dev.rtcsuite.recording.v1.ListRecordingTasksResponse;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.RecordingTask;
import dev.rtcsuite.recording.v1.RecordingTaskKind;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Recording tasks in recording-service. */
@Command(
        name = "tasks",
        description = "Recording tasks (recording-service).",
        subcommands = {TaskCommands.ListTasks.class})
public class TaskCommands {

    static final Table<RecordingTask> TABLE =
            new Table<RecordingTask>()
                    .column("TASK ID", RecordingTask::getTaskId)
                    .column(
                            "ROOM",
                            task -> RoomOptions.describe(task.getRoomId(), task.getStrRoomId()))
                    .column("KIND", task -> Values.enumValue(task.getKind()))
                    .column("STATE", task -> Values.enumValue(task.getState()))
                    .column(
                            "STREAM",
                            task ->
                                    task.getKind() == RecordingTaskKind.RECORDING_TASK_KIND_MIXED
                                            ? "record_id " + task.getRecordId()
                                            : task.getUserId()
                                                    + " "
                                                    + Values.enumValue(task.getStreamType()))
                    .column("CREATED", task -> Values.timestamp(task.getCreateTime()))
                    .column(
                            "END REASON",
                            task ->
                                    task.getEndReasonValue() == 0
                                            ? ""
                                            : Values.enumValue(task.getEndReason()));

    @Command(name = "list", description = "List an app's tasks, newest first.")
    public static class ListTasks extends ListCommand {

        @Option(names = "--app", required = true, paramLabel = "SDK_APP_ID")
        long sdkAppId;

        @ArgGroup(exclusive = true)
        RoomOptions room;

        @Option(names = "--user", paramLabel = "USER_ID")
        String userId;

        @Option(names = "--state", paramLabel = "STATE", description = "repeatable")
        List<RecordingTaskState> states = List.of();

        @Option(names = "--kind", paramLabel = "SINGLE_STREAM|MIXED")
        List<RecordingTaskKind> kinds = List.of();

        @Option(names = "--record-id", paramLabel = "ID")
        String recordId;

        @Override
        protected void execute() {
            ListRecordingTasksRequest.Builder request =
                    ListRecordingTasksRequest.newBuilder()
                            .setSdkAppId(sdkAppId)
                            .addAllStates(states)
                            .addAllKinds(kinds)
                            .setPageSize(pageSize);
            if (room != null) {
                room.applyTo(request::setRoomId, request::setStrRoomId);
            }
            if (userId != null) {
                request.setUserId(userId);
            }
            if (recordId != null) {
                request.setRecordId(recordId);
            }
            ListRecordingTasksResponse response =
                    fetch(
                            Service.RECORDING,
                            RecordingServiceGrpc::newBlockingStub,
                            (recording, token) ->
                                    recording.listRecordingTasks(
                                            request.setPageToken(token).build()),
                            "tasks");
            show(response, TABLE, response.getTasksList(), "task", response.getNextPageToken());
        }
    }
}
