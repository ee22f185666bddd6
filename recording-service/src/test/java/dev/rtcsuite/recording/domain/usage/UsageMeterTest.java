package dev.rtcsuite.recording.domain.usage;

import static dev.rtcsuite.recording.domain.FileFormat.FLV;
import static dev.rtcsuite.recording.domain.FileFormat.HLS;
import static dev.rtcsuite.recording.domain.FileFormat.MP4;
import static dev.rtcsuite.recording.domain.task.Tasks.APP;
import static dev.rtcsuite.recording.domain.task.Tasks.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import dev.rtcsuite.recording.domain.room.RoomState;
import dev.rtcsuite.recording.domain.room.StreamEvent;
import dev.rtcsuite.recording.domain.task.RecordingInput;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskKind;
import dev.rtcsuite.recording.domain.task.TaskSpec;
import dev.rtcsuite.recording.domain.task.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SPEC C-7 / R-4: input seconds per stream and tier, single vs mixed, resume wait, × formats. */
class UsageMeterTest {

    private static final Room ROOM = Room.numeric(1234);

    /** Replays a task against its room, metering after every step like the service does. */
    private static final class Replay {
        RecordingTask task;
        RoomState room = RoomState.empty(APP, ROOM, T0);
        UsageMeter meter = UsageMeter.idle();
        final List<UsageSegment> segments = new ArrayList<>();

        Replay(TaskSpec spec, List<RecordingInput> inputs) {
            task = RecordingTask.create(spec, inputs);
        }

        Replay publish(String user, int width, int height, Instant at) {
            room = room.apply(event(StreamEvent.Kind.PUBLISHED, user, width, height, at));
            return meter(at);
        }

        Replay change(String user, int width, int height, Instant at) {
            room = room.apply(event(StreamEvent.Kind.MEDIA_CHANGED, user, width, height, at));
            return meter(at);
        }

        Replay task(java.util.function.UnaryOperator<RecordingTask> step, Instant at) {
            task = step.apply(task);
            return meter(at);
        }

        Replay meter(Instant at) {
            var spec = task.spec();
            var metered =
                    meter.change(
                            new UsageMeter.Task(
                                    spec.taskId(), APP, spec.kind(), spec.formats().size()),
                            at,
                            UsageInputs.of(task, room));
            meter = metered.meter();
            segments.addAll(metered.closed());
            return this;
        }

        Map<ResolutionTier, Long> billableSecondsByTier() {
            Map<ResolutionTier, Long> byTier = new EnumMap<>(ResolutionTier.class);
            segments.forEach(s -> byTier.merge(s.input().tier(), s.billableSeconds(), Long::sum));
            return byTier;
        }
    }

    private static StreamEvent event(
            StreamEvent.Kind kind, String user, int width, int height, Instant at) {
        boolean video = width > 0;
        return new StreamEvent(
                "e-" + at + user + kind,
                kind,
                APP,
                ROOM,
                user,
                StreamType.MAIN,
                "",
                "",
                true,
                video,
                width,
                height,
                at,
                T0);
    }

    private static Instant min(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    @Test
    void tiersAreDecidedByArea() {
        // SPEC §0: 720 × 360 is SD; 1280 × 720 is HD; 1281 × 720 is FHD; above 4K is 4K
        assertThat(ResolutionTier.of(720, 360)).isEqualTo(ResolutionTier.SD);
        assertThat(ResolutionTier.of(1280, 720)).isEqualTo(ResolutionTier.HD);
        assertThat(ResolutionTier.of(1281, 720)).isEqualTo(ResolutionTier.FHD);
        assertThat(ResolutionTier.of(8192, 8192)).isEqualTo(ResolutionTier.UHD_4K);
        assertThat(ResolutionTier.of(0, 0)).isEqualTo(ResolutionTier.AUDIO);
    }

    @Test
    void singleStreamIsChargedPerResolutionSegment() {
        Replay r =
                new Replay(Tasks.single(List.of(HLS), 120, 0), List.of())
                        .publish("alice", 1280, 720, T0)
                        .task(t -> t.mediaStarted(T0), T0)
                        .change("alice", 1920, 1080, min(10))
                        .task(t -> t.streamStopped(min(25)), min(25));

        assertThat(r.segments).extracting(UsageSegment::seconds).containsExactly(600L, 900L);
        assertThat(r.billableSecondsByTier())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(ResolutionTier.HD, 600L, ResolutionTier.FHD, 900L));
        assertThat(r.segments)
                .allSatisfy(s -> assertThat(s.kind()).isEqualTo(TaskKind.SINGLE_STREAM));
        assertThat(r.segments)
                .extracting(UsageSegment::idempotencyKey)
                .containsExactly("recording:task-1:0", "recording:task-1:1");
    }

    @Test
    void theResumeWaitIsChargedAsAudio() {
        Replay r =
                new Replay(Tasks.single(List.of(HLS), 120, 300), List.of())
                        .publish("alice", 1280, 720, T0)
                        .task(t -> t.mediaStarted(T0), T0)
                        .task(t -> t.streamStopped(min(10)), min(10))
                        .task(t -> t.resumeExpired(1), min(15));

        assertThat(r.billableSecondsByTier())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(ResolutionTier.HD, 600L, ResolutionTier.AUDIO, 300L));
        assertThat(r.segments.get(1).input().resumeWait()).isTrue();
    }

    @Test
    void twoFormatsDoubleTheUsage() {
        // issue #5 acceptance: two formats → doubled recording usage
        Replay one =
                new Replay(Tasks.single(List.of(MP4), 30, 0), List.of())
                        .publish("alice", 1280, 720, T0)
                        .task(t -> t.mediaStarted(T0), T0)
                        .task(t -> t.streamStopped(min(95)), min(95));
        Replay two =
                new Replay(Tasks.single(List.of(MP4, FLV), 30, 0), List.of())
                        .publish("alice", 1280, 720, T0)
                        .task(t -> t.mediaStarted(T0), T0)
                        .task(t -> t.streamStopped(min(95)), min(95));

        assertThat(one.billableSecondsByTier())
                .containsExactly(Map.entry(ResolutionTier.HD, 95 * 60L));
        assertThat(two.billableSecondsByTier())
                .containsExactly(Map.entry(ResolutionTier.HD, 2 * 95 * 60L));
        assertThat(two.segments).allSatisfy(s -> assertThat(s.formatCount()).isEqualTo(2));
        // an hour at most per segment (rating-service's limit)
        assertThat(two.segments).extracting(UsageSegment::seconds).containsExactly(3_600L, 2_100L);
    }

    @Test
    void mixedAllAudioCountsAsOneAudioInput() {
        // SPEC R-4 example (a): A and B audio-only for 10 min, mixed → 10 audio minutes at mixed
        // price
        Replay r =
                new Replay(
                                Tasks.mixed("rec", List.of(HLS), false),
                                List.of(
                                        new RecordingInput("a", StreamType.MAIN, true),
                                        new RecordingInput("b", StreamType.MAIN, true)))
                        .publish("a", 0, 0, T0)
                        .publish("b", 0, 0, T0)
                        .task(t -> t.mediaStarted(T0), T0)
                        .task(
                                t ->
                                        t.stop(
                                                dev.rtcsuite.recording.domain.task.EndReason
                                                        .STOPPED_BY_API,
                                                min(10)),
                                min(10));

        assertThat(r.segments)
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.input().aggregatedAudio()).isTrue();
                            assertThat(s.seconds()).isEqualTo(600L);
                            assertThat(s.kind()).isEqualTo(TaskKind.MIXED);
                        });
    }

    @Test
    void mixedChargesEveryInputAtItsTier() {
        // SPEC R-4 example (b): A audio-only, B 640×360, C 1920×1080 for 10 min → AUDIO, SD, FHD
        Replay r =
                new Replay(
                                Tasks.mixed("rec", List.of(HLS), false),
                                List.of(
                                        new RecordingInput("a", StreamType.MAIN, true),
                                        new RecordingInput("b", StreamType.MAIN, true),
                                        new RecordingInput("c", StreamType.MAIN, true)))
                        .publish("a", 0, 0, T0)
                        .publish("b", 640, 360, T0)
                        .publish("c", 1920, 1080, T0)
                        .task(t -> t.mediaStarted(T0), T0)
                        .task(
                                t ->
                                        t.stop(
                                                dev.rtcsuite.recording.domain.task.EndReason
                                                        .STOPPED_BY_API,
                                                min(10)),
                                min(10));

        assertThat(r.billableSecondsByTier())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                ResolutionTier.AUDIO,
                                600L,
                                ResolutionTier.SD,
                                600L,
                                ResolutionTier.FHD,
                                600L));
    }

    @Test
    void audioOnlyMixOfVideoInputsIsAudio() {
        Replay r =
                new Replay(
                                Tasks.mixed("rec", List.of(HLS), true),
                                List.of(new RecordingInput("b", StreamType.MAIN, true)))
                        .publish("b", 1280, 720, T0)
                        .task(t -> t.mediaStarted(T0), T0)
                        .task(
                                t ->
                                        t.stop(
                                                dev.rtcsuite.recording.domain.task.EndReason
                                                        .STOPPED_BY_API,
                                                min(1)),
                                min(1));
        assertThat(r.billableSecondsByTier()).containsExactly(Map.entry(ResolutionTier.AUDIO, 60L));
    }

    /**
     * A flush for a period that ended before an input opened (the flush job ran late, after the
     * anchor had left and its resume wait began) leaves that input alone: no time is charged twice.
     */
    @Test
    void aLateFlushNeverMovesAnInputBackBeforeItOpened() {
        UsageMeter.Task task = new UsageMeter.Task("t", APP, TaskKind.SINGLE_STREAM, 1);
        MeterInput sd = new MeterInput("a", StreamType.MAIN, "s", 640, 480, false, false);
        MeterInput resumeWait = new MeterInput("a", StreamType.MAIN, "s", 0, 0, true, false);
        UsageMeter meter = UsageMeter.idle().change(task, T0, List.of(sd)).meter();
        UsageMeter.Metered left = meter.change(task, T0.plusSeconds(600), List.of(resumeWait));

        UsageMeter.Metered lateFlush = left.meter().flush(task, T0.plusSeconds(180));
        List<UsageSegment> end =
                lateFlush.meter().change(task, T0.plusSeconds(660), List.of()).closed();

        assertThat(lateFlush.closed()).isEmpty();
        assertThat(left.closed()).extracting(UsageSegment::seconds).containsExactly(600L);
        assertThat(end).extracting(UsageSegment::seconds).containsExactly(60L);
        assertThat(end).extracting(UsageSegment::start).containsExactly(T0.plusSeconds(600));
    }

    /** Property: flushes and changes never lose or add a whole second of input time. */
    @Test
    void meteredSecondsAddUpWhateverTheCuts() {
        Random random = new Random(11);
        UsageMeter.Task task = new UsageMeter.Task("t", APP, TaskKind.SINGLE_STREAM, 1);
        MeterInput hd = new MeterInput("a", StreamType.MAIN, "s", 1280, 720, false, false);
        MeterInput sd = new MeterInput("a", StreamType.MAIN, "s", 640, 360, false, false);
        for (int run = 0; run < 500; run++) {
            UsageMeter meter = UsageMeter.idle();
            List<UsageSegment> all = new ArrayList<>();
            Instant now = T0;
            var m = meter.change(task, now, List.of(hd));
            meter = m.meter();
            for (int step = 0; step < 20; step++) {
                now = now.plusMillis(1 + random.nextInt(4_000_000));
                m =
                        random.nextBoolean()
                                ? meter.flush(task, now)
                                : meter.change(task, now, List.of(random.nextBoolean() ? hd : sd));
                meter = m.meter();
                all.addAll(m.closed());
            }
            all.addAll(meter.change(task, now, List.of()).closed());
            long total = all.stream().mapToLong(UsageSegment::seconds).sum();
            long elapsed = Duration.between(T0, now).toSeconds();
            assertThat(total).isBetween(elapsed - 20, elapsed);
            assertThat(all).allSatisfy(s -> assertThat(s.seconds()).isBetween(1L, 3_600L));
            assertThat(all).extracting(UsageSegment::seq).doesNotHaveDuplicates();
        }
    }
}
