package dev.rtcsuite.mixing.domain.session;

import static dev.rtcsuite.mixing.domain.session.Rooms.room;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.params.MixConfigs;
import dev.rtcsuite.mixing.domain.params.OutputParams;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC M-1, M-2: a session's life, outputs and workers' reports. */
@DisplayName("SPEC M-1/M-2 mix session")
class MixSessionTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00.250Z");

    private static final MixConfig RECORD_AND_RELAY =
            new MixConfig(
                    new OutputParams("mix1", false, "rec1", true),
                    MixConfigs.encode720p().withDefaults(),
                    dev.rtcsuite.mixing.domain.params.LayoutParams.DEFAULT,
                    List.of("rtmp://cdn.example.com/live/a"));

    private MixSession started() {
        return MixSession.create(
                "s1",
                1400000001L,
                Room.named("class-7"),
                RECORD_AND_RELAY,
                room(3, T0, MixInput.camera("t", 1280, 720)),
                MixOutputs.plan(RECORD_AND_RELAY, List.of()),
                T0);
    }

    private static WorkerEvent event(
            WorkerEvent.Kind kind, long version, int output, String error) {
        return new WorkerEvent("e", "s1", version, kind, output, error, T0, "w1");
    }

    @Test
    void aNewSessionStartsAtVersionOneWithOneOutputPerTarget() {
        MixSession session = started();

        assertThat(session.state()).isEqualTo(SessionState.STARTING);
        assertThat(session.configVersion()).isEqualTo(1);
        assertThat(session.layoutVersion()).isEqualTo(1);
        assertThat(session.roomVersion()).isEqualTo(3);
        assertThat(session.usageStart()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
        assertThat(session.outputs())
                .extracting(MixOutput::kind, MixOutput::target, MixOutput::audioOnly)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OutputKind.RECORDING, "rec1", true),
                        org.assertj.core.groups.Tuple.tuple(OutputKind.CDN_RELAY, "mix1", false),
                        org.assertj.core.groups.Tuple.tuple(
                                OutputKind.THIRD_PARTY_CDN,
                                "rtmp://cdn.example.com/live/a",
                                false));
        assertThat(session.renderPlan().filterComplex()).contains("s=1280x720");
    }

    @Test
    void workersReportMixingAndOutputsForTheConfigurationTheyRun() {
        MixSession session = started();

        session = session.apply(event(WorkerEvent.Kind.MIXING_STARTED, 1, 0, ""), T0);
        session = session.apply(event(WorkerEvent.Kind.OUTPUT_STARTED, 1, 1, ""), T0);
        session = session.apply(event(WorkerEvent.Kind.OUTPUT_FAILED, 1, 2, "rtmp refused"), T0);
        MixSession stale = session.apply(event(WorkerEvent.Kind.OUTPUT_FAILED, 0, 0, "old"), T0);

        assertThat(session.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(session.outputs())
                .extracting(MixOutput::state)
                .containsExactly(OutputState.STARTING, OutputState.ACTIVE, OutputState.FAILED);
        assertThat(session.outputs().get(2).failureMessage()).isEqualTo("rtmp refused");
        assertThat(stale).isEqualTo(session);
    }

    @Test
    void aFailedWorkerEndsTheSessionWithItsReasonAndStopsTheLiveOutputs() {
        MixSession session =
                started()
                        .apply(event(WorkerEvent.Kind.OUTPUT_FAILED, 1, 2, "rtmp refused"), T0)
                        .apply(
                                event(WorkerEvent.Kind.SESSION_FAILED, 1, 0, "gpu lost"),
                                T0.plusSeconds(5));

        assertThat(session.state()).isEqualTo(SessionState.ENDED);
        assertThat(session.endReason()).contains(EndReason.FAILED);
        assertThat(session.failureMessage()).isEqualTo("gpu lost");
        assertThat(session.endTime()).contains(T0.plusSeconds(5));
        assertThat(session.outputs())
                .extracting(MixOutput::state)
                .containsExactly(OutputState.STOPPED, OutputState.STOPPED, OutputState.FAILED);
        assertThat(session.apply(event(WorkerEvent.Kind.MIXING_STARTED, 1, 0, ""), T0))
                .isEqualTo(session);
    }

    @Test
    void aReplacingStartBumpsTheVersionsAndKeepsOutputsItStillAsksFor() {
        MixSession session = started();
        MixOutput recording =
                session.outputs().getFirst().withTask("task-1").in(OutputState.ACTIVE, "");
        session =
                session.withOutputs(
                        List.of(recording, session.outputs().get(1), session.outputs().get(2)), T0);
        MixConfig changed =
                new MixConfig(
                        new OutputParams("mix2", false, "rec1", true),
                        RECORD_AND_RELAY.encode(),
                        RECORD_AND_RELAY.layout(),
                        List.of());

        MixSession replaced =
                session.reconfigured(
                        changed,
                        room(4, T0, MixInput.camera("t", 1280, 720), MixInput.audioOnly("s")),
                        MixOutputs.plan(changed, session.outputs()),
                        T0.plusSeconds(30));

        assertThat(replaced.configVersion()).isEqualTo(2);
        assertThat(replaced.layoutVersion()).isEqualTo(2);
        assertThat(replaced.roomVersion()).isEqualTo(4);
        assertThat(replaced.outputs())
                .extracting(
                        MixOutput::kind,
                        MixOutput::target,
                        MixOutput::recordingTaskId,
                        MixOutput::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                OutputKind.RECORDING, "rec1", "task-1", OutputState.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple(
                                OutputKind.CDN_RELAY, "mix2", "", OutputState.STARTING));
    }

    @Test
    void roomMessagesReplaceTheViewOnlyWhenNewerOrWhenASnapshotDisagrees() {
        RoomState change = room(5, T0);
        RoomState snapshot = new RoomState(List.of(), false, false, 2, T0, true);

        assertThat(change.supersedes(4)).isTrue();
        assertThat(change.supersedes(5)).isFalse();
        assertThat(snapshot.supersedes(2)).isFalse();
        assertThat(snapshot.supersedes(9)).as("the source restarted its count").isTrue();
    }
}
