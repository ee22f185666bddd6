package dev.rtcsuite.mixing.grpc;

import static dev.rtcsuite.mixing.grpc.Requests.newApp;
import static dev.rtcsuite.mixing.grpc.Requests.newRoom;
import static dev.rtcsuite.mixing.grpc.Requests.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.rtcsuite.mixing.client.AppStanding;
import dev.rtcsuite.mixing.client.MixedRecordings;
import dev.rtcsuite.mixing.client.UsageReporter;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.session.EndReason;
import dev.rtcsuite.mixing.domain.session.RecordingInput;
import dev.rtcsuite.mixing.domain.usage.UsageReport;
import dev.rtcsuite.mixing.domain.usage.UsageSegment;
import dev.rtcsuite.mixing.testing.FakeRoomFeed;
import dev.rtcsuite.mixing.testing.TestClock;
import dev.rtcsuite.mixing.v1.DescribeMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.MixEndReason;
import dev.rtcsuite.mixing.v1.MixSession;
import dev.rtcsuite.mixing.v1.MixSessionState;
import dev.rtcsuite.mixing.v1.MixWorkerEvent;
import dev.rtcsuite.mixing.v1.MixWorkerEventKind;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc.MixingServiceBlockingStub;
import dev.rtcsuite.mixing.v1.OutputParams;
import dev.rtcsuite.mixing.v1.ReportMixWorkerEventRequest;
import dev.rtcsuite.mixing.v1.ReportMixWorkerEventResponse;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * SPEC M-1, M-2, M-4, M-5 end to end inside the service: relayout on join, leave and resolution
 * change; the mixed recording follows the layout and stops with the session; usage goes to
 * rating-service per period through durable jobs, retried until taken; the room's end ends
 * the session; workers' reports; ended sessions are purged after their retention, not before 24 h.
 */
@QuarkusTest
class SessionLifecycleTest {

    @GrpcClient MixingServiceBlockingStub mixing;
    @Inject FakeRoomFeed rooms;
    @Inject TestClock clock;
    @Inject JobRunner jobs;
    @InjectMock AppStanding standing;
    @InjectMock MixedRecordings recordings;
    @InjectMock UsageReporter usage;

    private final long app = newApp();
    private final int room = newRoom();
    private Room theRoom;

    @BeforeEach
    void appInServiceRecordingOn() {
        theRoom = Room.numeric(room);
        when(standing.of(anyLong()))
                .thenAnswer(
                        call ->
                                Optional.of(
                                        new AppStanding.Standing(
                                                call.getArgument(0), true, "NONE")));
        when(recordings.start(
                        anyLong(), any(), anyString(), anyString(), anyLong(), anyBoolean(), any()))
                .thenReturn("task-" + room);
        when(recordings.updateInputs(anyString(), anyLong(), anyString(), any(), any()))
                .thenReturn(MixedRecordings.Outcome.DONE);
        when(recordings.stop(anyString(), anyLong(), anyString(), any()))
                .thenReturn(MixedRecordings.Outcome.DONE);
        clock.nextMinute();
        rooms.publish(
                app,
                theRoom,
                MixInput.camera("alice", 1280, 720),
                MixInput.camera("bob", 640, 360));
    }

    @org.junit.jupiter.api.AfterEach
    void stopWhatIsLive() {
        Sessions.stopIfLive(mixing, app, room);
    }

    private MixSession startRecorded() {
        return mixing.startMCUMixTranscode(
                        start(app, room)
                                .setOutputParams(
                                        OutputParams.newBuilder()
                                                .setStreamId("mix_" + room)
                                                .setRecordId("rec_" + room))
                                .build())
                .getSession();
    }

    private MixSession describe() {
        return mixing.describeMixTranscode(
                        DescribeMixTranscodeRequest.newBuilder()
                                .setSdkAppId(app)
                                .setRoomId(room)
                                .build())
                .getSession();
    }

    private void runJobs() {
        jobs.runDue(clock.instant(), 1000);
    }

    private List<UsageReport> reportsOf(String sessionId) {
        ArgumentCaptor<UsageReport> sent = ArgumentCaptor.forClass(UsageReport.class);
        verify(usage, atLeastOnce()).send(sent.capture());
        return sent.getAllValues().stream()
                .filter(r -> r.sessionId().equals(sessionId))
                .distinct()
                .toList();
    }

    @Test
    void joinsLeavesAndResolutionChangesRelayOutCutUsageAndUpdateTheRecording() {
        Instant t0 = clock.instant();
        MixSession started = startRecorded();
        assertThat(started.getOutputsList().getFirst().getRecordingTaskId())
                .isEqualTo("task-" + room);
        verify(recordings)
                .start(
                        eq(app),
                        eq(theRoom),
                        eq("rec_" + room),
                        eq(started.getSessionId()),
                        eq(1L),
                        eq(false),
                        eq(
                                List.of(
                                        new RecordingInput("alice", StreamType.MAIN, true),
                                        new RecordingInput("bob", StreamType.MAIN, true))));

        clock.advance(Duration.ofSeconds(20));
        rooms.publish(
                app,
                theRoom,
                MixInput.camera("alice", 1280, 720),
                MixInput.camera("bob", 640, 360),
                MixInput.audioOnly("carol"));
        clock.advance(Duration.ofSeconds(10));
        rooms.publish(
                app,
                theRoom,
                MixInput.camera("alice", 1280, 720),
                MixInput.camera("bob", 1920, 1080),
                MixInput.audioOnly("carol"));
        clock.advance(Duration.ofSeconds(15));
        rooms.publish(
                app,
                theRoom,
                MixInput.camera("alice", 1280, 720),
                MixInput.camera("bob", 1920, 1080));
        runJobs();

        MixSession now = describe();
        assertThat(now.getLayout().getVersion()).isEqualTo(4);
        assertThat(now.getLayout().getRegionsList())
                .extracting(r -> r.getUserId())
                .containsExactly("alice", "bob");
        var order = inOrder(recordings);
        order.verify(recordings)
                .updateInputs(
                        eq(started.getSessionId()),
                        eq(1L),
                        eq("task-" + room),
                        eq(
                                List.of(
                                        new RecordingInput("alice", StreamType.MAIN, true),
                                        new RecordingInput("bob", StreamType.MAIN, true),
                                        new RecordingInput("carol", StreamType.MAIN, false))),
                        eq(t0.plusSeconds(20)));
        order.verify(recordings)
                .updateInputs(
                        eq(started.getSessionId()),
                        eq(2L),
                        eq("task-" + room),
                        eq(
                                List.of(
                                        new RecordingInput("alice", StreamType.MAIN, true),
                                        new RecordingInput("bob", StreamType.MAIN, true))),
                        eq(t0.plusSeconds(45)));
        List<UsageReport> reports = reportsOf(started.getSessionId());
        assertThat(reports)
                .extracting(
                        UsageReport::seq,
                        r -> r.segments().getFirst().start(),
                        r -> r.segments().getFirst().seconds())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, t0, 20L),
                        org.assertj.core.groups.Tuple.tuple(1L, t0.plusSeconds(20), 10L),
                        org.assertj.core.groups.Tuple.tuple(2L, t0.plusSeconds(30), 15L));
        assertThat(reports.get(1).segments())
                .extracting(UsageSegment::stream, UsageSegment::width)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alice:main", 1280),
                        org.assertj.core.groups.Tuple.tuple("bob:main", 640),
                        org.assertj.core.groups.Tuple.tuple("carol:main", 0));
        assertThat(reports.get(2).segments())
                .extracting(UsageSegment::width)
                .containsExactly(1280, 1920, 0);
    }

    @Test
    void usageIsCutEverySixtySecondsOfAnUnchangedLayoutAndRetriedUntilRatingTakesIt() {
        Instant t0 = clock.instant();
        String session = startRecorded().getSessionId();
        doThrow(Status.UNAVAILABLE.asRuntimeException()).when(usage).send(any());

        clock.advance(Duration.ofSeconds(130));
        runJobs();
        runJobs();
        reset(usage);
        clock.advance(Duration.ofMinutes(11));
        runJobs();

        List<UsageReport> reports = reportsOf(session);
        Map<Long, Long> secondsBySeq =
                reports.stream()
                        .collect(
                                Collectors.toMap(
                                        UsageReport::seq,
                                        r -> r.segments().getFirst().seconds(),
                                        (a, b) -> a));
        assertThat(secondsBySeq).containsEntry(0L, 60L).containsEntry(1L, 60L);
        assertThat(
                        reports.stream()
                                .filter(r -> r.seq() == 0)
                                .findFirst()
                                .orElseThrow()
                                .segments()
                                .getFirst()
                                .start())
                .isEqualTo(t0);
        assertThat(reports)
                .allSatisfy(
                        r ->
                                assertThat(r.segments())
                                        .allSatisfy(s -> assertThat(s.seconds()).isEqualTo(60)));
    }

    @Test
    void theRoomsEndEndsTheSessionStopsItsRecordingAndMetersTheLastPeriod() {
        Instant t0 = clock.instant();
        String session = startRecorded().getSessionId();
        clock.advance(Duration.ofSeconds(42));

        rooms.dismiss(app, theRoom);
        runJobs();

        MixSession ended = describe();
        assertThat(ended.getState()).isEqualTo(MixSessionState.MIX_SESSION_STATE_ENDED);
        assertThat(ended.getEndReason()).isEqualTo(MixEndReason.MIX_END_REASON_ROOM_ENDED);
        verify(recordings)
                .stop(eq(session), anyLong(), eq("task-" + room), eq(EndReason.ROOM_ENDED));
        assertThat(reportsOf(session))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.segments().getFirst().start()).isEqualTo(t0);
                            assertThat(r.segments().getFirst().seconds()).isEqualTo(42);
                        });
    }

    @Test
    void anAppThatGoesOutOfServiceHasItsSessionEndedAtTheNextMinute() {
        startRecorded();
        when(standing.of(app))
                .thenReturn(Optional.of(new AppStanding.Standing(app, false, "SUSPENDED_ARREARS")));

        clock.advance(Duration.ofSeconds(61));
        runJobs();

        MixSession ended = describe();
        assertThat(ended.getEndReason()).isEqualTo(MixEndReason.MIX_END_REASON_SERVICE_STOPPED);
        assertThat(ended.getFailureMessage()).contains("SUSPENDED_ARREARS");
    }

    @Test
    void endedSessionsStayForTheRetentionAndAreThenPurged() {
        startRecorded();
        mixing.stopMCUMixTranscode(Requests.stop(app, room));
        // Sessions other tests left live end at their next tick instead of ticking for days.
        when(standing.of(anyLong()))
                .thenReturn(Optional.of(new AppStanding.Standing(0, false, "TEST_OVER")));

        clock.advance(Duration.ofHours(24));
        runJobs();
        assertThat(describe().getEndReason()).isEqualTo(MixEndReason.MIX_END_REASON_STOPPED);

        clock.advance(Duration.ofDays(7));
        runJobs();
        assertThat(
                        RpcError.of(
                                        () ->
                                                mixing.describeMixTranscode(
                                                        DescribeMixTranscodeRequest.newBuilder()
                                                                .setSdkAppId(app)
                                                                .setRoomId(room)
                                                                .build()))
                                .code())
                .isEqualTo(Code.NOT_FOUND);
    }

    @Test
    void workersReportMixingAndOutputsOnceEachAndAFailureEndsTheSession() {
        MixSession started = startRecorded();

        ReportMixWorkerEventResponse mixingStarted =
                report(started, "e1", MixWorkerEventKind.MIX_WORKER_EVENT_KIND_MIXING_STARTED, 0);
        ReportMixWorkerEventResponse again =
                report(started, "e1", MixWorkerEventKind.MIX_WORKER_EVENT_KIND_MIXING_STARTED, 0);
        ReportMixWorkerEventResponse output =
                report(started, "e2", MixWorkerEventKind.MIX_WORKER_EVENT_KIND_OUTPUT_STARTED, 1);
        RpcError badIndex =
                RpcError.of(
                        () ->
                                report(
                                        started,
                                        "e3",
                                        MixWorkerEventKind.MIX_WORKER_EVENT_KIND_OUTPUT_FAILED,
                                        5));
        ReportMixWorkerEventResponse failed =
                report(started, "e4", MixWorkerEventKind.MIX_WORKER_EVENT_KIND_SESSION_FAILED, 0);
        runJobs();

        assertThat(mixingStarted.getSession().getState())
                .isEqualTo(MixSessionState.MIX_SESSION_STATE_ACTIVE);
        assertThat(again.getDuplicate()).isTrue();
        assertThat(output.getSession().getOutputs(1).getStateValue()).as("ACTIVE").isEqualTo(2);
        assertThat(badIndex.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(badIndex.violatedFields()).containsExactly("event.output_index");
        assertThat(failed.getSession().getEndReason())
                .isEqualTo(MixEndReason.MIX_END_REASON_FAILED);
        assertThat(failed.getSession().getFailureMessage()).isEqualTo("worker e4 failed");
        verify(recordings)
                .stop(
                        eq(started.getSessionId()),
                        anyLong(),
                        eq("task-" + room),
                        eq(EndReason.FAILED));
        verify(recordings, never()).updateInputs(anyString(), anyLong(), anyString(), any(), any());
    }

    private ReportMixWorkerEventResponse report(
            MixSession session, String eventId, MixWorkerEventKind kind, int output) {
        return mixing.reportMixWorkerEvent(
                ReportMixWorkerEventRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setEvent(
                                MixWorkerEvent.newBuilder()
                                        .setEventId(session.getSessionId() + eventId)
                                        .setSessionId(session.getSessionId())
                                        .setConfigVersion(session.getConfigVersion())
                                        .setKind(kind)
                                        .setOutputIndex(output)
                                        .setErrorMessage("worker " + eventId + " failed")
                                        .setEventTime(ProtoTime.timestamp(clock.instant()))
                                        .setWorkerId("mcu-1"))
                        .build());
    }
}
