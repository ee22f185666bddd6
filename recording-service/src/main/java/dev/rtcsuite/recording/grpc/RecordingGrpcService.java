package dev.rtcsuite.recording.grpc;

import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.grpc.GrpcCalls;
import dev.rtcsuite.platform.grpc.GrpcErrors;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.paging.BoundPages;
import dev.rtcsuite.platform.paging.PageRequest;
import dev.rtcsuite.recording.application.Callbacks;
import dev.rtcsuite.recording.application.MediaIndex;
import dev.rtcsuite.recording.application.MixedTasks;
import dev.rtcsuite.recording.application.RecorderEvents;
import dev.rtcsuite.recording.application.RecordingConfigs;
import dev.rtcsuite.recording.application.StreamEvents;
import dev.rtcsuite.recording.application.TaskQueries;
import dev.rtcsuite.recording.application.Watches;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.callback.CallbackDelivery;
import dev.rtcsuite.recording.domain.callback.CallbackEventType;
import dev.rtcsuite.recording.domain.room.StreamEvent;
import dev.rtcsuite.recording.domain.task.EndReason;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskKind;
import dev.rtcsuite.recording.domain.task.TaskState;
import dev.rtcsuite.recording.persistence.CallbackRepository;
import dev.rtcsuite.recording.persistence.FileRepository;
import dev.rtcsuite.recording.persistence.TaskRepository;
import dev.rtcsuite.recording.v1.*;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The recording-service v1 API (SPEC §C): mapping only; the work is in the application beans. */
@GrpcService
public class RecordingGrpcService extends MutinyRecordingServiceGrpc.RecordingServiceImplBase {

    private static final int MAX_BATCH = 500;

    private final RecordingConfigs configs;
    private final StreamEvents streamEvents;
    private final MixedTasks mixed;
    private final RecorderEvents recorders;
    private final TaskQueries tasks;
    private final Watches watches;
    private final MediaIndex media;
    private final Callbacks callbacks;
    private final GrpcCalls calls;
    private final GrpcErrors errors;

    public RecordingGrpcService(
            RecordingConfigs configs,
            StreamEvents streamEvents,
            MixedTasks mixed,
            RecorderEvents recorders,
            TaskQueries tasks,
            Watches watches,
            MediaIndex media,
            Callbacks callbacks,
            GrpcCalls calls,
            @ConfigProperty(name = "rtcsuite.error-domain") String errorDomain) {
        this.configs = configs;
        this.streamEvents = streamEvents;
        this.mixed = mixed;
        this.recorders = recorders;
        this.tasks = tasks;
        this.watches = watches;
        this.media = media;
        this.callbacks = callbacks;
        this.calls = calls;
        this.errors = new GrpcErrors(errorDomain);
    }

    @Override
    public Uni<GetRecordingConfigResponse> getRecordingConfig(GetRecordingConfigRequest request) {
        return calls.answer(
                () ->
                        GetRecordingConfigResponse.newBuilder()
                                .setConfig(
                                        RecordingProtoMapper.toProto(
                                                configs.config(request.getSdkAppId())))
                                .build());
    }

    @Override
    public Uni<UpdateRecordingConfigResponse> updateRecordingConfig(
            UpdateRecordingConfigRequest request) {
        return calls.once(
                "UpdateRecordingConfig",
                request.getRequestId(),
                request,
                UpdateRecordingConfigResponse.parser(),
                () ->
                        UpdateRecordingConfigResponse.newBuilder()
                                .setConfig(
                                        RecordingProtoMapper.toProto(
                                                configs.update(
                                                        request.getConfig().getSdkAppId(),
                                                        ConfigUpdates.change(request))))
                                .build());
    }

    @Override
    public Uni<ReportStreamEventResponse> reportStreamEvent(ReportStreamEventRequest request) {
        return calls.once(
                "ReportStreamEvent",
                request.getRequestId(),
                request,
                ReportStreamEventResponse.parser(),
                () -> {
                    FieldChecks checks = new FieldChecks();
                    StreamEvent event =
                            RecordingRequests.streamEvent(request.getEvent(), "event.", checks);
                    checks.throwIfInvalid();
                    int duplicates = streamEvents.apply(List.of(event));
                    return ReportStreamEventResponse.newBuilder()
                            .setDuplicate(duplicates == 1)
                            .build();
                });
    }

    @Override
    public Uni<ReportStreamEventsResponse> reportStreamEvents(
            Multi<ReportStreamEventsRequest> request) {
        return request.onItem()
                .transformToUniAndConcatenate(batch -> calls.answer(() -> applyBatch(batch)))
                .collect()
                .in(
                        () -> new long[2],
                        (totals, counts) -> {
                            totals[0] += counts[0];
                            totals[1] += counts[1];
                        })
                .map(
                        totals ->
                                ReportStreamEventsResponse.newBuilder()
                                        .setAcceptedCount(totals[0])
                                        .setDuplicateCount(totals[1])
                                        .build());
    }

    /** Applies one batch atomically; returns {accepted, duplicates}. */
    private long[] applyBatch(ReportStreamEventsRequest batch) {
        FieldChecks checks = new FieldChecks();
        int count = batch.getEventsCount();
        checks.check(count >= 1 && count <= MAX_BATCH, "events", "1–500 events per batch");
        List<StreamEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(
                    RecordingRequests.streamEvent(
                            batch.getEvents(i), "events[" + i + "].", checks));
        }
        checks.throwIfInvalid();
        int duplicates = streamEvents.apply(events);
        return new long[] {count - duplicates, duplicates};
    }

    @Override
    public Multi<WatchRoomStreamsResponse> watchRoomStreams(WatchRoomStreamsRequest request) {
        FieldChecks checks = new FieldChecks();
        RecordingRequests.app(request.getSdkAppId(), "sdk_app_id", checks);
        Optional<Room> room =
                RecordingRequests.room(
                        request.getRoomId(),
                        request.hasRoomId(),
                        request.getStrRoomId(),
                        request.hasStrRoomId(),
                        "",
                        checks);
        try {
            checks.throwIfInvalid();
        } catch (RuntimeException invalid) {
            return Multi.createFrom().failure(errors.toStatusException(invalid));
        }
        return watches.rooms(request.getSdkAppId(), room)
                .map(
                        s ->
                                WatchRoomStreamsResponse.newBuilder()
                                        .setRoom(TaskProtoMapper.room(s.item()))
                                        .setSnapshot(s.snapshot())
                                        .build());
    }

    @Override
    public Uni<StartMixedRecordingResponse> startMixedRecording(
            StartMixedRecordingRequest request) {
        return calls.once(
                "StartMixedRecording",
                request.getRequestId(),
                request,
                StartMixedRecordingResponse.parser(),
                () -> {
                    FieldChecks checks = new FieldChecks();
                    RecordingRequests.app(request.getSdkAppId(), "sdk_app_id", checks);
                    Room room =
                            RecordingRequests.requiredRoom(
                                    request.getRoomId(),
                                    request.hasRoomId(),
                                    request.getStrRoomId(),
                                    request.hasStrRoomId(),
                                    "",
                                    checks);
                    RecordingRequests.recordId(request.getRecordId(), checks);
                    checks.length(request.getMixSessionId(), 1, 128, "mix_session_id");
                    var inputs = RecordingRequests.inputs(request.getInputsList(), checks);
                    checks.throwIfInvalid();
                    MixedTasks.Started started =
                            mixed.start(
                                    request.getSdkAppId(),
                                    room,
                                    request.getRecordId(),
                                    request.getMixSessionId(),
                                    request.getAudioOnly(),
                                    inputs);
                    return StartMixedRecordingResponse.newBuilder()
                            .setTask(task(started.task()))
                            .setCreated(started.created())
                            .build();
                });
    }

    @Override
    public Uni<UpdateMixedRecordingInputsResponse> updateMixedRecordingInputs(
            UpdateMixedRecordingInputsRequest request) {
        return calls.once(
                "UpdateMixedRecordingInputs",
                request.getRequestId(),
                request,
                UpdateMixedRecordingInputsResponse.parser(),
                () -> {
                    FieldChecks checks = new FieldChecks();
                    checks.check(!request.getTaskId().isEmpty(), "task_id", "required");
                    var inputs = RecordingRequests.inputs(request.getInputsList(), checks);
                    checks.throwIfInvalid();
                    RecordingTask task =
                            mixed.updateInputs(
                                    request.getTaskId(),
                                    inputs,
                                    request.hasChangeTime()
                                            ? Optional.of(
                                                    ProtoTime.instant(request.getChangeTime()))
                                            : Optional.empty());
                    return UpdateMixedRecordingInputsResponse.newBuilder()
                            .setTask(task(task))
                            .build();
                });
    }

    @Override
    public Uni<StopMixedRecordingResponse> stopMixedRecording(StopMixedRecordingRequest request) {
        return calls.once(
                "StopMixedRecording",
                request.getRequestId(),
                request,
                StopMixedRecordingResponse.parser(),
                () -> {
                    FieldChecks checks = new FieldChecks();
                    checks.check(!request.getTaskId().isEmpty(), "task_id", "required");
                    EndReason reason =
                            switch (request.getReason()) {
                                case RECORDING_TASK_END_REASON_UNSPECIFIED,
                                        RECORDING_TASK_END_REASON_STOPPED_BY_API ->
                                        EndReason.STOPPED_BY_API;
                                case RECORDING_TASK_END_REASON_ROOM_ENDED -> EndReason.ROOM_ENDED;
                                case RECORDING_TASK_END_REASON_SERVICE_STOPPED ->
                                        EndReason.SERVICE_STOPPED;
                                default -> null;
                            };
                    checks.check(
                            reason != null,
                            "reason",
                            "STOPPED_BY_API (default), ROOM_ENDED or SERVICE_STOPPED");
                    checks.throwIfInvalid();
                    return StopMixedRecordingResponse.newBuilder()
                            .setTask(task(mixed.stop(request.getTaskId(), reason)))
                            .build();
                });
    }

    @Override
    public Uni<GetRecordingTaskResponse> getRecordingTask(GetRecordingTaskRequest request) {
        return calls.answer(
                () -> {
                    new FieldChecks()
                            .check(!request.getTaskId().isEmpty(), "task_id", "required")
                            .throwIfInvalid();
                    return GetRecordingTaskResponse.newBuilder()
                            .setTask(task(tasks.task(request.getTaskId(), request.getSdkAppId())))
                            .build();
                });
    }

    @Override
    public Uni<ListRecordingTasksResponse> listRecordingTasks(ListRecordingTasksRequest request) {
        return calls.answer(
                () -> {
                    FieldChecks checks = new FieldChecks();
                    RecordingRequests.app(request.getSdkAppId(), "sdk_app_id", checks);
                    Optional<Room> room =
                            RecordingRequests.room(
                                    request.getRoomId(),
                                    request.hasRoomId(),
                                    request.getStrRoomId(),
                                    request.hasStrRoomId(),
                                    "",
                                    checks);
                    Set<TaskState> states =
                            RecordingRequests.enums(
                                    request.getStatesList(),
                                    TaskProtoMapper::state,
                                    TaskState.class,
                                    "states",
                                    "known task states only",
                                    checks);
                    Set<TaskKind> kinds =
                            RecordingRequests.enums(
                                    request.getKindsList(),
                                    TaskProtoMapper::kind,
                                    TaskKind.class,
                                    "kinds",
                                    "SINGLE_STREAM or MIXED",
                                    checks);
                    checks.length(request.getUserId(), 0, 32, "user_id")
                            .length(request.getRecordId(), 0, 64, "record_id");
                    RecordingRequests.TimeRange created =
                            RecordingRequests.timeRange(
                                    request.hasStartTime(),
                                    request.getStartTime(),
                                    request.hasEndTime(),
                                    request.getEndTime(),
                                    checks);
                    checks.throwIfInvalid();
                    PageRequest page = BoundPages.request(request);
                    List<TaskRepository.Listed> listed =
                            tasks.list(
                                    new TaskRepository.ListQuery(
                                            request.getSdkAppId(),
                                            room,
                                            request.getUserId(),
                                            states,
                                            kinds,
                                            request.getRecordId(),
                                            created.from(),
                                            created.before(),
                                            page.after(),
                                            page.size() + 1));
                    ListRecordingTasksResponse.Builder response =
                            ListRecordingTasksResponse.newBuilder();
                    page.keysetRows(listed)
                            .forEach(l -> response.addTasks(task(l.stored().task())));
                    response.setNextPageToken(
                            BoundPages.bind(
                                    request, page.keysetNextToken(listed, l -> l.listSeq())));
                    return response.build();
                });
    }

    @Override
    public Multi<WatchRecordingTasksResponse> watchRecordingTasks(
            WatchRecordingTasksRequest request) {
        FieldChecks checks = new FieldChecks();
        Set<TaskState> states =
                RecordingRequests.enums(
                        request.getStatesList(),
                        TaskProtoMapper::state,
                        TaskState.class,
                        "states",
                        "known task states only",
                        checks);
        try {
            checks.throwIfInvalid();
        } catch (RuntimeException invalid) {
            return Multi.createFrom().failure(errors.toStatusException(invalid));
        }
        return watches.tasks(states, request.getSdkAppId())
                .map(
                        s ->
                                WatchRecordingTasksResponse.newBuilder()
                                        .setTask(TaskProtoMapper.task(s.item(), List.of()))
                                        .setSnapshot(s.snapshot())
                                        .build());
    }

    @Override
    public Uni<ReportRecorderEventResponse> reportRecorderEvent(
            ReportRecorderEventRequest request) {
        return calls.once(
                "ReportRecorderEvent",
                request.getRequestId(),
                request,
                ReportRecorderEventResponse.parser(),
                () -> {
                    FieldChecks checks = new FieldChecks();
                    RecorderEvents.Report report =
                            RecordingRequests.recorderEvent(request.getEvent(), checks);
                    checks.throwIfInvalid();
                    RecorderEvents.Applied applied = recorders.apply(report);
                    ReportRecorderEventResponse.Builder response =
                            ReportRecorderEventResponse.newBuilder()
                                    .setTask(task(applied.task()))
                                    .setDuplicate(applied.duplicate());
                    applied.file().ifPresent(f -> response.setFile(MediaProtoMapper.file(f)));
                    return response.build();
                });
    }

    @Override
    public Uni<SearchMediaFilesResponse> searchMediaFiles(SearchMediaFilesRequest request) {
        return calls.answer(
                () -> {
                    PageRequest page = BoundPages.request(request);
                    List<FileRepository.Listed> listed =
                            media.search(MediaRequests.search(request, page));
                    SearchMediaFilesResponse.Builder response =
                            SearchMediaFilesResponse.newBuilder();
                    page.keysetRows(listed)
                            .forEach(l -> response.addFiles(MediaProtoMapper.file(l.file())));
                    response.setNextPageToken(
                            BoundPages.bind(
                                    request, page.keysetNextToken(listed, l -> l.listSeq())));
                    return response.build();
                });
    }

    @Override
    public Uni<GetMediaFileResponse> getMediaFile(GetMediaFileRequest request) {
        return calls.answer(
                () -> {
                    MediaRequests.fileId(request.getFileId());
                    return GetMediaFileResponse.newBuilder()
                            .setFile(
                                    MediaProtoMapper.file(
                                            media.file(request.getFileId(), request.getSdkAppId())))
                            .build();
                });
    }

    @Override
    public Uni<DeleteMediaFileResponse> deleteMediaFile(DeleteMediaFileRequest request) {
        return calls.once(
                "DeleteMediaFile",
                request.getRequestId(),
                request,
                DeleteMediaFileResponse.parser(),
                () -> {
                    MediaRequests.fileId(request.getFileId());
                    MediaIndex.Deleted deleted =
                            media.delete(request.getFileId(), request.getSdkAppId());
                    return DeleteMediaFileResponse.newBuilder()
                            .setFile(MediaProtoMapper.file(deleted.file()))
                            .setAlreadyDeleted(deleted.alreadyDeleted())
                            .build();
                });
    }

    @Override
    public Uni<GetPlaybackUrlResponse> getPlaybackUrl(GetPlaybackUrlRequest request) {
        return calls.answer(
                () -> {
                    MediaIndex.Playback playback =
                            media.playback(
                                    request.getFileId(),
                                    request.getSdkAppId(),
                                    MediaRequests.ttl(request));
                    return GetPlaybackUrlResponse.newBuilder()
                            .setUrl(playback.url())
                            .setExpireTime(ProtoTime.timestamp(playback.expires()))
                            .build();
                });
    }

    @Override
    public Uni<ListCallbackDeliveriesResponse> listCallbackDeliveries(
            ListCallbackDeliveriesRequest request) {
        return calls.answer(
                () -> {
                    FieldChecks checks = new FieldChecks();
                    RecordingRequests.app(request.getSdkAppId(), "sdk_app_id", checks);
                    Set<CallbackDelivery.State> states =
                            RecordingRequests.enums(
                                    request.getStatesList(),
                                    CallbackProtoMapper::state,
                                    CallbackDelivery.State.class,
                                    "states",
                                    "known delivery states only",
                                    checks);
                    Set<CallbackEventType> types =
                            RecordingRequests.enums(
                                    request.getEventTypesList(),
                                    CallbackProtoMapper::type,
                                    CallbackEventType.class,
                                    "event_types",
                                    "known event types only",
                                    checks);
                    RecordingRequests.TimeRange created =
                            RecordingRequests.timeRange(
                                    request.hasStartTime(),
                                    request.getStartTime(),
                                    request.hasEndTime(),
                                    request.getEndTime(),
                                    checks);
                    checks.throwIfInvalid();
                    PageRequest page = BoundPages.request(request);
                    List<CallbackRepository.Listed> listed =
                            callbacks.list(
                                    new CallbackRepository.ListQuery(
                                            request.getSdkAppId(),
                                            states,
                                            types,
                                            created.from(),
                                            created.before(),
                                            page.after(),
                                            page.size() + 1));
                    ListCallbackDeliveriesResponse.Builder response =
                            ListCallbackDeliveriesResponse.newBuilder();
                    page.keysetRows(listed)
                            .forEach(
                                    l ->
                                            response.addDeliveries(
                                                    CallbackProtoMapper.delivery(
                                                            l.delivery(),
                                                            callbacks.nextAttempt(l.delivery()))));
                    response.setNextPageToken(
                            BoundPages.bind(
                                    request, page.keysetNextToken(listed, l -> l.listSeq())));
                    return response.build();
                });
    }

    @Override
    public Uni<RedeliverCallbackResponse> redeliverCallback(RedeliverCallbackRequest request) {
        return calls.once(
                "RedeliverCallback",
                request.getRequestId(),
                request,
                RedeliverCallbackResponse.parser(),
                () -> {
                    new FieldChecks()
                            .check(!request.getDeliveryId().isEmpty(), "delivery_id", "required")
                            .throwIfInvalid();
                    CallbackDelivery delivery =
                            callbacks.redeliver(request.getDeliveryId(), request.getSdkAppId());
                    return RedeliverCallbackResponse.newBuilder()
                            .setDelivery(
                                    CallbackProtoMapper.delivery(
                                            delivery, callbacks.nextAttempt(delivery)))
                            .build();
                });
    }

    @Override
    public Uni<TestCallbackEndpointResponse> testCallbackEndpoint(
            TestCallbackEndpointRequest request) {
        return calls.once(
                "TestCallbackEndpoint",
                request.getRequestId(),
                request,
                TestCallbackEndpointResponse.parser(),
                () -> {
                    FieldChecks checks = new FieldChecks();
                    RecordingRequests.app(request.getSdkAppId(), "sdk_app_id", checks);
                    checks.throwIfInvalid();
                    Callbacks.TestResult result =
                            callbacks.test(request.getSdkAppId(), request.getUrl());
                    return TestCallbackEndpointResponse.newBuilder()
                            .setSuccess(result.outcome().delivered())
                            .setHttpStatus(result.outcome().httpStatus())
                            .setLatency(
                                    com.google.protobuf.Duration.newBuilder()
                                            .setSeconds(result.outcome().latency().getSeconds())
                                            .setNanos(result.outcome().latency().getNano()))
                            .setErrorMessage(result.outcome().error())
                            .setEventId(result.eventId())
                            .build();
                });
    }

    private dev.rtcsuite.recording.v1.RecordingTask task(RecordingTask task) {
        return TaskProtoMapper.task(task, tasks.fileIds(task.id()));
    }
}
