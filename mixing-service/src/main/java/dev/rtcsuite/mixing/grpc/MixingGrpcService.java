package dev.rtcsuite.mixing.grpc;

import com.google.protobuf.ByteString;
import dev.rtcsuite.mixing.application.MixSessions;
import dev.rtcsuite.mixing.application.SessionWatch;
import dev.rtcsuite.mixing.application.StartResult;
import dev.rtcsuite.mixing.application.WorkerReports;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.layout.Canvas;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.LayoutEngine;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.params.ParamChecks;
import dev.rtcsuite.mixing.domain.preview.LayoutPicture;
import dev.rtcsuite.mixing.domain.render.FfmpegRenderPlan;
import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.domain.session.SessionState;
import dev.rtcsuite.mixing.grpc.MixRequests.RoomArg;
import dev.rtcsuite.mixing.persistence.MixSessionRepository;
import dev.rtcsuite.mixing.v1.DescribeMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.DescribeMixTranscodeResponse;
import dev.rtcsuite.mixing.v1.ListMixSessionsRequest;
import dev.rtcsuite.mixing.v1.ListMixSessionsResponse;
import dev.rtcsuite.mixing.v1.MutinyMixingServiceGrpc;
import dev.rtcsuite.mixing.v1.PreviewLayoutRequest;
import dev.rtcsuite.mixing.v1.PreviewLayoutResponse;
import dev.rtcsuite.mixing.v1.ReportMixWorkerEventRequest;
import dev.rtcsuite.mixing.v1.ReportMixWorkerEventResponse;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeResponse;
import dev.rtcsuite.mixing.v1.StopMCUMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.StopMCUMixTranscodeResponse;
import dev.rtcsuite.mixing.v1.WatchMixSessionsRequest;
import dev.rtcsuite.mixing.v1.WatchMixSessionsResponse;
import dev.rtcsuite.platform.grpc.GrpcCalls;
import dev.rtcsuite.platform.grpc.GrpcErrors;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.paging.BoundPages;
import dev.rtcsuite.platform.paging.PageRequest;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The mixing-service v1 API (SPEC §M): mapping only; the work is in the application beans. */
@GrpcService
public class MixingGrpcService extends MutinyMixingServiceGrpc.MixingServiceImplBase {

    private final MixSessions sessions;
    private final WorkerReports workers;
    private final SessionWatch watch;
    private final GrpcCalls calls;
    private final GrpcErrors errors;
    private final Clock clock;

    public MixingGrpcService(
            MixSessions sessions,
            WorkerReports workers,
            SessionWatch watch,
            GrpcCalls calls,
            @ConfigProperty(name = "rtcsuite.error-domain") String errorDomain,
            Clock clock) {
        this.sessions = sessions;
        this.workers = workers;
        this.watch = watch;
        this.calls = calls;
        this.errors = new GrpcErrors(errorDomain);
        this.clock = clock;
    }

    @Override
    public Uni<StartMCUMixTranscodeResponse> startMCUMixTranscode(
            StartMCUMixTranscodeRequest request) {
        return calls.once(
                "StartMCUMixTranscode",
                request.getRequestId(),
                request,
                StartMCUMixTranscodeResponse.parser(),
                () -> {
                    ParamChecks checks = new ParamChecks();
                    Room room = MixRequests.room(request.getSdkAppId(), roomOf(request), checks);
                    MixConfig config = MixRequests.config(request, checks);
                    checks.throwIfInvalid();
                    StartResult result =
                            sessions.start(
                                    request.getRequestId(),
                                    request.getSdkAppId(),
                                    room,
                                    config.withDefaults());
                    return StartMCUMixTranscodeResponse.newBuilder()
                            .setSession(MixingProtoMapper.session(result.session()))
                            .setCreated(result.created())
                            .build();
                });
    }

    @Override
    public Uni<StopMCUMixTranscodeResponse> stopMCUMixTranscode(
            StopMCUMixTranscodeRequest request) {
        return calls.once(
                "StopMCUMixTranscode",
                request.getRequestId(),
                request,
                StopMCUMixTranscodeResponse.parser(),
                () -> {
                    ParamChecks checks = new ParamChecks();
                    Room room = MixRequests.room(request.getSdkAppId(), roomOf(request), checks);
                    checks.throwIfInvalid();
                    return StopMCUMixTranscodeResponse.newBuilder()
                            .setSession(
                                    MixingProtoMapper.session(
                                            sessions.stop(request.getSdkAppId(), room)))
                            .build();
                });
    }

    @Override
    public Uni<DescribeMixTranscodeResponse> describeMixTranscode(
            DescribeMixTranscodeRequest request) {
        return calls.answer(
                () -> {
                    MixSession session;
                    if (!request.getSessionId().isEmpty()) {
                        session = sessions.describe(request.getSessionId());
                    } else {
                        ParamChecks checks = new ParamChecks();
                        Room room =
                                MixRequests.room(request.getSdkAppId(), roomOf(request), checks);
                        checks.throwIfInvalid();
                        session = sessions.describe(request.getSdkAppId(), room);
                    }
                    return DescribeMixTranscodeResponse.newBuilder()
                            .setSession(MixingProtoMapper.session(session))
                            .build();
                });
    }

    @Override
    public Uni<ListMixSessionsResponse> listMixSessions(ListMixSessionsRequest request) {
        return calls.answer(
                () -> {
                    ParamChecks checks = new ParamChecks();
                    checks.check(
                            request.getSdkAppId() > 0,
                            "sdk_app_id",
                            "required: the app's SdkAppId",
                            dev.rtcsuite.mixing.domain.TrtcCodes.missing("SdkAppId"));
                    Optional<Room> room = MixRequests.optionalRoom(roomOf(request), checks);
                    Set<SessionState> states =
                            states(request.getStatesValueList(), "states", checks);
                    checkTimeRange(request, checks);
                    checks.throwIfInvalid();
                    PageRequest page = BoundPages.request(request);
                    List<MixSessionRepository.Listed> listed =
                            sessions.list(
                                    new MixSessionRepository.ListQuery(
                                            request.getSdkAppId(),
                                            room,
                                            states,
                                            request.hasStartTime()
                                                    ? Optional.of(
                                                            ProtoTime.instant(
                                                                    request.getStartTime()))
                                                    : Optional.empty(),
                                            request.hasEndTime()
                                                    ? Optional.of(
                                                            ProtoTime.instant(request.getEndTime()))
                                                    : Optional.empty(),
                                            page.after(),
                                            page.size() + 1));
                    ListMixSessionsResponse.Builder response = ListMixSessionsResponse.newBuilder();
                    listed.stream()
                            .limit(page.size())
                            .forEach(
                                    l ->
                                            response.addSessions(
                                                    MixingProtoMapper.session(l.session())));
                    response.setNextPageToken(
                            BoundPages.bind(
                                    request, page.keysetNextToken(listed, l -> l.listSeq())));
                    return response.build();
                });
    }

    @Override
    public Uni<PreviewLayoutResponse> previewLayout(PreviewLayoutRequest request) {
        return calls.answer(
                () -> {
                    ParamChecks checks = new ParamChecks();
                    LayoutParams params = MixRequests.preview(request, checks);
                    var inputs = MixRequests.previewInputs(request.getInputsList(), checks);
                    checks.throwIfInvalid();
                    Layout layout =
                            LayoutEngine.compute(
                                    params,
                                    new Canvas(
                                            request.getCanvasWidth(),
                                            request.getCanvasHeight(),
                                            request.getBackgroundColor(),
                                            request.getBackgroundImageUrl()),
                                    inputs);
                    return PreviewLayoutResponse.newBuilder()
                            .setLayout(
                                    MixingProtoMapper.layout(
                                            layout,
                                            FfmpegRenderPlan.of(
                                                    layout, FfmpegRenderPlan.Settings.DEFAULT),
                                            0,
                                            clock.instant()))
                            .setPng(ByteString.copyFrom(LayoutPicture.png(layout)))
                            .build();
                });
    }

    @Override
    public Multi<WatchMixSessionsResponse> watchMixSessions(WatchMixSessionsRequest request) {
        ParamChecks checks = new ParamChecks();
        Set<SessionState> states = states(request.getStatesValueList(), "states", checks);
        try {
            checks.throwIfInvalid();
        } catch (RuntimeException invalid) {
            return Multi.createFrom().failure(errors.toStatusException(invalid));
        }
        return watch.watch(states, request.getSdkAppId())
                .map(
                        sighting ->
                                WatchMixSessionsResponse.newBuilder()
                                        .setSession(MixingProtoMapper.session(sighting.session()))
                                        .setSnapshot(sighting.snapshot())
                                        .build());
    }

    @Override
    public Uni<ReportMixWorkerEventResponse> reportMixWorkerEvent(
            ReportMixWorkerEventRequest request) {
        return calls.once(
                "ReportMixWorkerEvent",
                request.getRequestId(),
                request,
                ReportMixWorkerEventResponse.parser(),
                () -> {
                    ParamChecks checks = new ParamChecks();
                    var event = MixRequests.workerEvent(request.getEvent(), checks);
                    checks.throwIfInvalid();
                    WorkerReports.Reported reported = workers.report(event);
                    return ReportMixWorkerEventResponse.newBuilder()
                            .setSession(MixingProtoMapper.session(reported.session()))
                            .setDuplicate(reported.duplicate())
                            .build();
                });
    }

    private static Set<SessionState> states(
            List<Integer> values, String field, ParamChecks checks) {
        Set<SessionState> states = EnumSet.noneOf(SessionState.class);
        for (int i = 0; i < values.size(); i++) {
            int value = values.get(i);
            boolean known = value >= 1 && value <= SessionState.values().length;
            checks.check(
                    known,
                    field + "[" + i + "]",
                    "must be STARTING, ACTIVE or ENDED",
                    dev.rtcsuite.mixing.domain.TrtcCodes.invalid("States"));
            if (known) {
                states.add(SessionState.values()[value - 1]);
            }
        }
        return states;
    }

    private static RoomArg roomOf(StartMCUMixTranscodeRequest r) {
        return switch (r.getRoomCase()) {
            case ROOM_ID -> RoomArg.numeric(r.getRoomId());
            case STR_ROOM_ID -> RoomArg.named(r.getStrRoomId());
            case ROOM_NOT_SET -> RoomArg.NONE;
        };
    }

    private static RoomArg roomOf(StopMCUMixTranscodeRequest r) {
        return switch (r.getRoomCase()) {
            case ROOM_ID -> RoomArg.numeric(r.getRoomId());
            case STR_ROOM_ID -> RoomArg.named(r.getStrRoomId());
            case ROOM_NOT_SET -> RoomArg.NONE;
        };
    }

    private static RoomArg roomOf(DescribeMixTranscodeRequest r) {
        return switch (r.getRoomCase()) {
            case ROOM_ID -> RoomArg.numeric(r.getRoomId());
            case STR_ROOM_ID -> RoomArg.named(r.getStrRoomId());
            case ROOM_NOT_SET -> RoomArg.NONE;
        };
    }

    private static void checkTimeRange(ListMixSessionsRequest request, ParamChecks checks) {
        String invalid = dev.rtcsuite.mixing.domain.TrtcCodes.invalid("Time");
        checks.check(
                !request.hasStartTime() || ProtoTime.isValid(request.getStartTime()),
                "start_time",
                ProtoTime.VALID_RANGE,
                invalid);
        checks.check(
                !request.hasEndTime() || ProtoTime.isValid(request.getEndTime()),
                "end_time",
                ProtoTime.VALID_RANGE,
                invalid);
        checks.check(
                !request.hasStartTime()
                        || !request.hasEndTime()
                        || !ProtoTime.instant(request.getEndTime())
                                .isBefore(ProtoTime.instant(request.getStartTime())),
                "end_time",
                "must not be before start_time",
                invalid);
    }

    private static RoomArg roomOf(ListMixSessionsRequest r) {
        return switch (r.getRoomCase()) {
            case ROOM_ID -> RoomArg.numeric(r.getRoomId());
            case STR_ROOM_ID -> RoomArg.named(r.getStrRoomId());
            case ROOM_NOT_SET -> RoomArg.NONE;
        };
    }
}
