package dev.rtcsuite.rating.domain.valueadded;

import static dev.rtcsuite.rating.domain.RatingFixtures.billOf;
import static dev.rtcsuite.rating.domain.RatingFixtures.cny;
import static dev.rtcsuite.rating.domain.RatingFixtures.firstMinutes;
import static dev.rtcsuite.rating.domain.RatingFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC R-4: cloud recording — input duration of each recorded stream")
class RecordingRaterTest {

    private static final Resolution SD_360P = Resolution.of(640, 360);
    private static final Resolution HD_720P = Resolution.of(1280, 720);
    private static final Resolution FHD_1080P = Resolution.of(1920, 1080);

    @Test
    @DisplayName("R-4 example (a): A and B audio-only for 10 min, mixed → one audio input → 0.09")
    void exampleAAllAudioMixedRecordingCountsAsOneAudioInput() {
        List<TimedUsage> usages =
                RecordingRater.rateTask(
                        RecordingType.MIXED_STREAM,
                        1,
                        List.of(
                                audioOnly("A", firstMinutes(10)),
                                audioOnly("B", firstMinutes(10))));

        DailyBill bill = billOf(usages);

        assertThat(bill.lines())
                .extracting(BillLine::key, BillLine::minutes)
                .containsExactly(tuple(mixed(RatedTier.AUDIO), 10L));
        assertThat(bill.total(Money.CNY).exact()).isEqualTo(cny("0.09000000"));
    }

    @Test
    @DisplayName("R-4 example (b): mixed, 10 min of A audio, B 640×360, C 1920×1080 → 1.07")
    void exampleBMixedRecordingChargesEveryInputAtMixedPrices() {
        List<TimedUsage> usages =
                RecordingRater.rateTask(
                        RecordingType.MIXED_STREAM,
                        1,
                        List.of(
                                audioOnly("A", firstMinutes(10)),
                                RecorderInput.of("B", StreamType.MAIN, SD_360P, firstMinutes(10)),
                                RecorderInput.of(
                                        "C", StreamType.MAIN, FHD_1080P, firstMinutes(10))));

        DailyBill bill = billOf(usages);

        assertThat(bill.lines())
                .extracting(BillLine::key, BillLine::amount)
                .containsExactly(
                        tuple(mixed(RatedTier.AUDIO), cny("0.09000000")),
                        tuple(mixed(RatedTier.of(ResolutionTier.SD)), cny("0.19000000")),
                        tuple(mixed(RatedTier.of(ResolutionTier.FHD)), cny("0.79000000")));
        assertThat(bill.total(Money.CNY).exact()).isEqualTo(cny("1.07000000"));
    }

    @Test
    void producerAggregatedSegmentsRateLikeTheTaskRule() {
        List<TimedUsage> fromSegment =
                RecordingRater.rate(
                        List.of(RecordingSegment.ofAggregatedAudio(1, firstMinutes(10))));

        assertThat(billOf(fromSegment).total(Money.CNY).exact()).isEqualTo(cny("0.09000000"));
    }

    @Test
    void singleStreamRecordingChargesVideoAtItsInputTierAndAudioOnlyAsAudio() {
        List<TimedUsage> usages =
                RecordingRater.rateTask(
                        RecordingType.SINGLE_STREAM,
                        1,
                        List.of(
                                RecorderInput.of("A", StreamType.MAIN, HD_720P, firstMinutes(10)),
                                audioOnly("B", firstMinutes(10)),
                                audioOnly("C", firstMinutes(10))));

        assertThat(billOf(usages).lines())
                .extracting(BillLine::key, BillLine::minutes, BillLine::amount)
                .containsExactly(
                        tuple(single(RatedTier.AUDIO), 20L, cny("0.07000000")),
                        tuple(single(RatedTier.of(ResolutionTier.HD)), 10L, cny("0.14000000")));
    }

    @Test
    void mixedInputsCountOnTheirOwnOnlyWhileAtLeastOneHasVideo() {
        List<TimedUsage> usages =
                RecordingRater.rateTask(
                        RecordingType.MIXED_STREAM,
                        1,
                        List.of(
                                audioOnly("A", span("00:00", "00:20")),
                                audioOnly("B", span("00:00", "00:20")),
                                RecorderInput.of(
                                        "C", StreamType.MAIN, SD_360P, span("00:10", "00:20"))));

        assertThat(billOf(usages).lines())
                .extracting(BillLine::key, BillLine::minutes)
                .containsExactly(
                        tuple(mixed(RatedTier.AUDIO), 10L + 2 * 10L),
                        tuple(mixed(RatedTier.of(ResolutionTier.SD)), 10L));
    }

    @Test
    @DisplayName("R-4: time inside the resume wait is charged as audio")
    void timeInsideTheResumeWaitIsChargedAsAudio() {
        List<TimedUsage> usages =
                RecordingRater.rateTask(
                        RecordingType.SINGLE_STREAM,
                        1,
                        List.of(
                                RecorderInput.of(
                                        "A", StreamType.MAIN, HD_720P, span("00:00", "00:08")),
                                new RecorderInput(
                                        "A",
                                        StreamType.MAIN,
                                        HD_720P,
                                        true,
                                        span("00:08", "00:10"))));

        assertThat(billOf(usages).lines())
                .extracting(BillLine::key, BillLine::minutes)
                .containsExactly(
                        tuple(single(RatedTier.AUDIO), 2L),
                        tuple(single(RatedTier.of(ResolutionTier.HD)), 8L));
    }

    @Test
    @DisplayName("R-4: two file formats charge twice (example (b) → 2.14)")
    void severalFileFormatsMultiplyTheCharge() {
        List<TimedUsage> usages =
                RecordingRater.rateTask(
                        RecordingType.MIXED_STREAM,
                        2,
                        List.of(
                                audioOnly("A", firstMinutes(10)),
                                RecorderInput.of("B", StreamType.MAIN, SD_360P, firstMinutes(10)),
                                RecorderInput.of(
                                        "C", StreamType.MAIN, FHD_1080P, firstMinutes(10))));

        assertThat(billOf(usages).total(Money.CNY).exact()).isEqualTo(cny("2.14000000"));
    }

    @Test
    void formatsMultiplySecondsBeforeTheDayIsRoundedToMinutes() {
        RecordingSegment halfMinute =
                RecordingSegment.ofStream(
                        "A",
                        RecordingType.SINGLE_STREAM,
                        HD_720P,
                        false,
                        2,
                        span("00:00:00", "00:00:30"));

        BillLine line = billOf(RecordingRater.rate(List.of(halfMinute))).lines().getFirst();

        assertThat(line.seconds()).isEqualTo(60);
        assertThat(line.minutes()).isEqualTo(1);
    }

    @Test
    void onlyMixedRecordingAggregatesAudio() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new RecordingSegment(
                                        "",
                                        RecordingType.SINGLE_STREAM,
                                        InputRole.AGGREGATED_AUDIO,
                                        Resolution.NONE,
                                        false,
                                        1,
                                        firstMinutes(1)));
    }

    private static RecorderInput audioOnly(String user, TimeSpan span) {
        return RecorderInput.of(user, StreamType.MAIN, Resolution.NONE, span);
    }

    private static ChargeKey mixed(RatedTier tier) {
        return ChargeKey.of(BillableItem.RECORDING_MIXED_STREAM, tier);
    }

    private static ChargeKey single(RatedTier tier) {
        return ChargeKey.of(BillableItem.RECORDING_SINGLE_STREAM, tier);
    }
}
