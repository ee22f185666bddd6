package dev.rtcsuite.mixing.domain.usage;

import static dev.rtcsuite.mixing.domain.session.Rooms.room;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.params.EncodeParams;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.params.MixConfigs;
import dev.rtcsuite.mixing.domain.params.OutputParams;
import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.domain.session.RoomState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SPEC R-5 / MIXING.md "Usage": segments per input, at least every 60 s and at each resolution
 * change, all-audio inputs as one, black padding, keys {@code {session}:{stream}:{seq}}. The worked
 * examples' figures are rating-service's to price; here they are the exact seconds and sizes
 * rating-service receives.
 */
@DisplayName("SPEC R-5 transcode usage segments")
class TranscodeUsageTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");

    private static final MixConfig AUDIO_OUTPUT =
            new MixConfig(
                    new OutputParams("", true, "rec", false),
                    new EncodeParams(
                                    0,
                                    0,
                                    0,
                                    dev.rtcsuite.mixing.domain.params.AudioCodec.LC_AAC,
                                    0,
                                    0,
                                    0,
                                    0,
                                    0,
                                    dev.rtcsuite.mixing.domain.params.VideoCodec.H264,
                                    0,
                                    "",
                                    0)
                            .withDefaults(),
                    LayoutParams.DEFAULT,
                    List.of());

    /** Runs a session from T0, metering every minute, with room changes at given seconds. */
    private static List<UsageReport> run(
            MixConfig config, Duration length, Map<Long, RoomState> changes) {
        MixSession session =
                MixSession.create(
                        "s1",
                        1400000001L,
                        Room.numeric(1234),
                        config,
                        changes.get(0L),
                        List.of(),
                        T0);
        List<UsageReport> reports = new ArrayList<>();
        Instant end = T0.plus(length);
        Instant nextTick = T0.plus(MixSession.USAGE_PERIOD);
        List<Long> changeTimes = changes.keySet().stream().filter(t -> t > 0).sorted().toList();
        int c = 0;
        while (true) {
            Instant nextChange =
                    c < changeTimes.size() ? T0.plusSeconds(changeTimes.get(c)) : Instant.MAX;
            Instant next = nextTick.isBefore(nextChange) ? nextTick : nextChange;
            if (next.isAfter(end)) {
                break;
            }
            MixSession.Metered metered = session.meter(next);
            metered.report().ifPresent(reports::add);
            session = metered.session();
            if (next.equals(nextChange)) {
                session = session.relaidOut(changes.get(changeTimes.get(c++)), next);
                nextTick = next.plus(MixSession.USAGE_PERIOD);
            } else {
                nextTick = nextTick.plus(MixSession.USAGE_PERIOD);
            }
        }
        session.meter(end).report().ifPresent(reports::add);
        return reports;
    }

    private static Map<String, Long> secondsByStream(List<UsageReport> reports) {
        return reports.stream()
                .flatMap(r -> r.segments().stream())
                .collect(
                        Collectors.groupingBy(
                                UsageSegment::stream,
                                Collectors.summingLong(UsageSegment::seconds)));
    }

    @Test
    void exampleA_threeAudioOnlyUsersForThirtyMinutesAreOneAudioInput() {
        List<UsageReport> reports =
                run(
                        AUDIO_OUTPUT,
                        Duration.ofMinutes(30),
                        Map.of(
                                0L,
                                room(
                                        1,
                                        T0,
                                        MixInput.audioOnly("A"),
                                        MixInput.audioOnly("B"),
                                        MixInput.audioOnly("C"))));

        assertThat(secondsByStream(reports)).containsExactly(Map.entry("audio", 1800L));
        assertThat(reports).hasSize(30).allSatisfy(r -> assertThat(r.segments()).hasSize(1));
        UsageSegment first = reports.getFirst().segments().getFirst();
        assertThat(first.aggregatedAudio()).isTrue();
        assertThat(first.width()).isZero();
        assertThat(first.seconds()).isEqualTo(60);
    }

    @Test
    void withAVideoOutputTheAllAudioMixIsPaddedWithABlackPictureAtTheOutputSize() {
        List<UsageReport> reports =
                run(
                        MixConfigs.cdn720p().withDefaults(),
                        Duration.ofMinutes(2),
                        Map.of(0L, room(1, T0, MixInput.audioOnly("A"), MixInput.audioOnly("B"))));

        assertThat(secondsByStream(reports))
                .containsOnly(Map.entry("audio", 120L), Map.entry("padding", 120L));
        UsageSegment padding = reports.getFirst().segments().get(1);
        assertThat(padding.padding()).isTrue();
        assertThat(padding.width()).isEqualTo(1280);
        assertThat(padding.height()).isEqualTo(720);
    }

    @Test
    void exampleB_oneHundredMinutesOfAnAudioUserAndTwoVideoUsersEachOnTheirOwn() {
        List<UsageReport> reports =
                run(
                        MixConfigs.cdn720p().withDefaults(),
                        Duration.ofMinutes(100),
                        Map.of(
                                0L,
                                room(
                                        1,
                                        T0,
                                        MixInput.audioOnly("A"),
                                        MixInput.camera("B", 640, 360),
                                        MixInput.camera("C", 1920, 1080))));

        assertThat(secondsByStream(reports))
                .containsOnly(
                        Map.entry("A:main", 6000L),
                        Map.entry("B:main", 6000L),
                        Map.entry("C:main", 6000L));
        List<UsageSegment> first = reports.getFirst().segments();
        assertThat(first)
                .extracting(UsageSegment::width, UsageSegment::height)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 0),
                        org.assertj.core.groups.Tuple.tuple(640, 360),
                        org.assertj.core.groups.Tuple.tuple(1920, 1080));
        assertThat(first)
                .allSatisfy(
                        s ->
                                assertThat(s.outputCodec())
                                        .isEqualTo(
                                                dev.rtcsuite.mixing.domain.params.VideoCodec.H264));
    }

    @Test
    void aResolutionChangeCutsTheSegmentAtOnceAndEachPartKeepsItsSize() {
        RoomState before = room(1, T0, MixInput.camera("B", 640, 360));
        RoomState after = room(2, T0.plusSeconds(90), MixInput.camera("B", 1280, 720));

        List<UsageReport> reports =
                run(
                        MixConfigs.cdn720p().withDefaults(),
                        Duration.ofMinutes(3),
                        Map.of(0L, before, 90L, after));

        assertThat(reports)
                .extracting(
                        r -> r.segments().getFirst().start(),
                        r -> r.segments().getFirst().seconds(),
                        r -> r.segments().getFirst().width())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(T0, 60L, 640),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(60), 30L, 640),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(90), 60L, 1280),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(150), 30L, 1280));
    }

    @Test
    void idempotencyKeysAreSessionStreamAndSequenceAndNeverRepeat() {
        List<UsageReport> reports =
                run(
                        MixConfigs.cdn720p().withDefaults(),
                        Duration.ofMinutes(5),
                        Map.of(
                                0L,
                                room(
                                        1,
                                        T0,
                                        MixInput.camera("B", 640, 360),
                                        MixInput.audioOnly("A"))));

        List<String> keys =
                reports.stream()
                        .flatMap(
                                r ->
                                        r.segments().stream()
                                                .map(s -> s.idempotencyKey(r.sessionId(), r.seq())))
                        .toList();
        assertThat(keys).hasSize(10).startsWith("s1:B:main:0", "s1:A:main:0", "s1:B:main:1");
        assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
    }

    @Test
    void anEmptyRoomIsNotCharged() {
        assertThat(
                        run(
                                MixConfigs.cdn720p().withDefaults(),
                                Duration.ofMinutes(3),
                                Map.of(0L, room(1, T0))))
                .isEmpty();
    }

    @Test
    void theSeventeenthInputIsNotCharged() {
        MixInput[] inputs =
                java.util.stream.IntStream.rangeClosed(1, 17)
                        .mapToObj(i -> MixInput.camera("u" + i, 640, 360))
                        .toArray(MixInput[]::new);

        List<UsageReport> reports =
                run(
                        MixConfigs.cdn720p().withDefaults(),
                        Duration.ofMinutes(1),
                        Map.of(0L, room(1, T0, inputs)));

        assertThat(secondsByStream(reports)).hasSize(16).doesNotContainKey("u17:main");
    }
}
