package dev.rtcsuite.rating.domain.estimate;

import static dev.rtcsuite.rating.domain.RatingFixtures.at;
import static dev.rtcsuite.rating.domain.RatingFixtures.cny;
import static dev.rtcsuite.rating.domain.RatingFixtures.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.price.EffectivePrices;
import dev.rtcsuite.rating.domain.price.ListPrices;
import dev.rtcsuite.rating.domain.price.PriceBook;
import dev.rtcsuite.rating.domain.price.PriceBookKind;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import dev.rtcsuite.rating.domain.valueadded.RecordingType;
import dev.rtcsuite.rating.domain.valueadded.VideoCodec;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC R-8: cost estimates rate a scenario with the same rules and prices")
class CostEstimatorTest {

    private static final Resolution SD_360P = Resolution.of(640, 360);
    private static final Resolution SD_480P = Resolution.of(640, 480);
    private static final Resolution HD_720P = Resolution.of(1280, 720);
    private static final Resolution FHD_1080P = Resolution.of(1920, 1080);
    private static final EffectivePrices PRICES = ListPrices.effective();

    private static final ScenarioUser A_SD_VIDEO =
            ScenarioUser.subscribingAll("A", true, SD_360P, Resolution.NONE);
    private static final ScenarioUser B_AUDIO_ONLY =
            ScenarioUser.subscribingAll("B", true, Resolution.NONE, Resolution.NONE);
    private static final ScenarioUser C_FHD_VIDEO =
            ScenarioUser.subscribingAll("C", true, FHD_1080P, Resolution.NONE);

    @Test
    @DisplayName("R-3 example 3 as a scenario: 2.10 + 2.31 + 0.63 = 5.04")
    void estimatesTheMixedRoomExample() {
        CostEstimate estimate =
                estimate(Scenario.of(30, List.of(A_SD_VIDEO, B_AUDIO_ONLY, C_FHD_VIDEO)));

        assertThat(estimate.totalOf("A", Money.CNY)).isEqualTo(cny("2.10000000"));
        assertThat(estimate.totalOf("B", Money.CNY)).isEqualTo(cny("2.31000000"));
        assertThat(estimate.totalOf("C", Money.CNY)).isEqualTo(cny("0.63000000"));
        assertThat(estimate.total(Money.CNY)).isEqualTo(cny("5.04000000"));
        assertThat(estimate.priceBookVersions()).containsExactly(ListPrices.VERSION);
    }

    @Test
    @DisplayName("R-3 example 4 as a scenario: screen share is its own stream → 0.42 + 1.26 = 1.68")
    void estimatesTheScreenShareExample() {
        ScenarioUser teacher = ScenarioUser.subscribingAll("A", true, SD_480P, HD_720P);
        ScenarioUser student = ScenarioUser.subscribingAll("B", true, SD_480P, Resolution.NONE);

        CostEstimate estimate = estimate(Scenario.of(30, List.of(teacher, student)));

        assertThat(estimate.lines())
                .extracting(
                        EstimateLine::userId, l -> l.line().key().tier(), l -> l.line().minutes())
                .containsExactly(
                        tuple("A", RatedTier.of(ResolutionTier.SD), 30L),
                        tuple("B", RatedTier.of(ResolutionTier.SD), 30L),
                        tuple("B", RatedTier.of(ResolutionTier.HD), 30L));
        assertThat(estimate.total(Money.CNY)).isEqualTo(cny("1.68000000"));
    }

    @Test
    void explicitSubscriptionsAndShorterStaysLimitTheUsage() {
        ScenarioUser viewer =
                new ScenarioUser(
                        "viewer",
                        10,
                        false,
                        Resolution.NONE,
                        Resolution.NONE,
                        false,
                        List.of(new ScenarioSubscription("host", StreamType.AUX)));
        ScenarioUser host = new ScenarioUser("host", 0, true, HD_720P, FHD_1080P, false, List.of());

        CostEstimate estimate = estimate(Scenario.of(60, List.of(viewer, host)));

        assertThat(estimate.lines())
                .extracting(
                        EstimateLine::userId, l -> l.line().key().tier(), l -> l.line().minutes())
                .containsExactly(
                        tuple("host", RatedTier.AUDIO, 60L),
                        tuple("viewer", RatedTier.of(ResolutionTier.FHD), 10L));
    }

    @Test
    @DisplayName("R-4 example (b) as a scenario: mixed recording of A, B, C for 10 min → 1.07")
    void estimatesMixedRecording() {
        Scenario scenario =
                Scenario.of(10, List.of(A_SD_VIDEO, B_AUDIO_ONLY, C_FHD_VIDEO))
                        .withRecording(
                                new RecordingOption(RecordingType.MIXED_STREAM, 1, List.of()));

        CostEstimate estimate = estimate(scenario);

        assertThat(sum(estimate.lines(BillableItem.RECORDING_MIXED_STREAM)))
                .isEqualTo(cny("1.07000000"));
    }

    @Test
    @DisplayName("R-4 example (a) as a scenario: only the audio users recorded → one audio input")
    void estimatesAllAudioRecordingAsOneInput() {
        ScenarioUser d = ScenarioUser.subscribingAll("D", true, Resolution.NONE, Resolution.NONE);
        Scenario scenario =
                Scenario.of(10, List.of(B_AUDIO_ONLY, d, C_FHD_VIDEO))
                        .withRecording(
                                new RecordingOption(
                                        RecordingType.MIXED_STREAM, 1, List.of("B", "D")));

        CostEstimate estimate = estimate(scenario);

        assertThat(estimate.lines(BillableItem.RECORDING_MIXED_STREAM))
                .extracting(EstimateLine::userId, l -> l.line().amount())
                .containsExactly(tuple("", cny("0.09000000")));
    }

    @Test
    @DisplayName("R-5 example (b) as a scenario: H.264 mix of A, B, C for 100 min → 6.56")
    void estimatesMixTranscode() {
        Scenario scenario =
                Scenario.of(100, List.of(A_SD_VIDEO, B_AUDIO_ONLY, C_FHD_VIDEO))
                        .withMixing(new MixOption(VideoCodec.H264, HD_720P, List.of()));

        CostEstimate estimate = estimate(scenario);

        assertThat(sum(estimate.lines(BillableItem.MIX_TRANSCODE_H264)))
                .isEqualTo(cny("6.56000000"));
    }

    @Test
    @DisplayName("R-5 example (c) as a scenario: a contract price of 0.0325 per HD minute → 1.95")
    void estimatesWithContractPrices() {
        PriceBook promotion =
                PriceBook.builder("promo", PriceBookKind.CONTRACT)
                        .perMinute(
                                BillableItem.MIX_TRANSCODE_H264,
                                ResolutionTier.HD,
                                Money.CNY,
                                decimal("0.0325"))
                        .build();
        ScenarioUser anchor = ScenarioUser.subscribingAll("A", true, HD_720P, Resolution.NONE);
        Scenario scenario =
                Scenario.of(60, List.of(anchor))
                        .withMixing(new MixOption(VideoCodec.H264, HD_720P, List.of()));

        CostEstimate estimate =
                CostEstimator.estimate(
                        scenario,
                        at("00:00"),
                        EffectivePrices.withContract(ListPrices.book(), promotion));

        assertThat(estimate.lines(BillableItem.MIX_TRANSCODE_H264))
                .extracting(l -> l.line().amount(), l -> l.line().price().contract())
                .containsExactly(tuple(cny("1.95000000"), true));
        assertThat(estimate.priceBookVersions()).containsExactly(ListPrices.VERSION, "promo");
    }

    @Test
    void aScenarioReferencesOnlyItsOwnUsers() {
        ScenarioUser lonely =
                new ScenarioUser(
                        "A",
                        0,
                        true,
                        Resolution.NONE,
                        Resolution.NONE,
                        false,
                        List.of(new ScenarioSubscription("ghost", StreamType.MAIN)));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Scenario.of(10, List.of(lonely)))
                .withMessageContaining("ghost");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                Scenario.of(10, List.of(A_SD_VIDEO))
                                        .withRecording(
                                                new RecordingOption(
                                                        RecordingType.SINGLE_STREAM,
                                                        1,
                                                        List.of("ghost"))));
    }

    @Test
    void aUserCannotStayLongerThanTheScenario() {
        ScenarioUser late =
                new ScenarioUser("A", 61, true, Resolution.NONE, Resolution.NONE, true, List.of());

        assertThatIllegalArgumentException().isThrownBy(() -> Scenario.of(60, List.of(late)));
    }

    private static CostEstimate estimate(Scenario scenario) {
        return CostEstimator.estimate(scenario, at("00:00"), PRICES);
    }

    private static Money sum(List<EstimateLine> lines) {
        return lines.stream()
                .map(l -> l.line().amount())
                .reduce(Money.zero(Money.CNY), Money::plus);
    }
}
