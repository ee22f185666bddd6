package dev.rtcsuite.rating.domain.valueadded;

import static dev.rtcsuite.rating.domain.RatingFixtures.billOf;
import static dev.rtcsuite.rating.domain.RatingFixtures.cny;
import static dev.rtcsuite.rating.domain.RatingFixtures.decimal;
import static dev.rtcsuite.rating.domain.RatingFixtures.firstMinutes;
import static dev.rtcsuite.rating.domain.RatingFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import dev.rtcsuite.rating.domain.price.EffectivePrices;
import dev.rtcsuite.rating.domain.price.ListPrices;
import dev.rtcsuite.rating.domain.price.PriceBook;
import dev.rtcsuite.rating.domain.price.PriceBookKind;
import dev.rtcsuite.rating.domain.price.PriceQuote;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC R-5: mix-transcode — input duration per input, output codec's column")
class MixTranscodeRaterTest {

    private static final Resolution SD_360P = Resolution.of(640, 360);
    private static final Resolution HD_720P = Resolution.of(1280, 720);
    private static final Resolution FHD_1080P = Resolution.of(1920, 1080);

    @Test
    @DisplayName("R-5 example (a): A, B, C audio-only for 30 min → one audio input → 0.168")
    void exampleAAllAudioInputsCountAsOne() {
        List<TimedUsage> usages =
                MixTranscodeRater.rateSession(
                        VideoCodec.H264,
                        Resolution.NONE,
                        List.of(
                                audio("A", firstMinutes(30)),
                                audio("B", firstMinutes(30)),
                                audio("C", firstMinutes(30))));

        DailyBill bill = billOf(usages);

        assertThat(bill.lines())
                .extracting(BillLine::key, BillLine::minutes)
                .containsExactly(tuple(h264(RatedTier.AUDIO), 30L));
        assertThat(bill.total(Money.CNY).exact()).isEqualTo(cny("0.16800000"));
    }

    @Test
    @DisplayName("R-5 example (b): H.264, 100 min of A audio, B 640×360, C 1920×1080 → 6.56")
    void exampleBEachInputAtItsOwnTier() {
        List<TimedUsage> usages =
                MixTranscodeRater.rateSession(
                        VideoCodec.H264,
                        HD_720P,
                        List.of(
                                audio("A", firstMinutes(100)),
                                video("B", SD_360P, firstMinutes(100)),
                                video("C", FHD_1080P, firstMinutes(100))));

        DailyBill bill = billOf(usages);

        assertThat(bill.lines())
                .extracting(BillLine::key, BillLine::amount)
                .containsExactly(
                        tuple(h264(RatedTier.AUDIO), cny("0.56000000")),
                        tuple(h264(RatedTier.of(ResolutionTier.SD)), cny("1.20000000")),
                        tuple(h264(RatedTier.of(ResolutionTier.FHD)), cny("4.80000000")));
        assertThat(bill.total(Money.CNY).exact()).isEqualTo(cny("6.56000000"));
    }

    @Test
    @DisplayName("R-5 example (c): 60 min of one HD input at a contract 0.0325 per minute → 1.95")
    void exampleCContractPrice() {
        PriceBook promotion =
                PriceBook.builder("promo-2026", PriceBookKind.CONTRACT)
                        .perMinute(
                                BillableItem.MIX_TRANSCODE_H264,
                                ResolutionTier.HD,
                                Money.CNY,
                                decimal("0.0325"))
                        .build();
        List<TimedUsage> usages =
                MixTranscodeRater.rateSession(
                        VideoCodec.H264, HD_720P, List.of(video("A", HD_720P, firstMinutes(60))));

        DailyBill bill = billOf(usages, EffectivePrices.withContract(ListPrices.book(), promotion));

        assertThat(bill.lines())
                .extracting(BillLine::minutes, BillLine::price)
                .containsExactly(tuple(60L, new PriceQuote(cny("0.03250000"), "promo-2026", true)));
        assertThat(bill.total(Money.CNY).exact()).isEqualTo(cny("1.95000000"));
    }

    @Test
    @DisplayName(
            "R-5: video output without any input picture pads one video input at the output tier")
    void videoOutputWithoutInputPicturePadsOneVideoInput() {
        List<TimedUsage> usages =
                MixTranscodeRater.rateSession(
                        VideoCodec.H264,
                        HD_720P,
                        List.of(audio("A", firstMinutes(10)), audio("B", firstMinutes(10))));

        assertThat(billOf(usages).lines())
                .extracting(BillLine::key, BillLine::minutes, BillLine::amount)
                .containsExactly(
                        tuple(h264(RatedTier.AUDIO), 10L, cny("0.05600000")),
                        tuple(h264(RatedTier.of(ResolutionTier.HD)), 10L, cny("0.21000000")));
    }

    @Test
    @DisplayName("R-5: a resolution change starts a new segment, each rated at its own tier")
    void segmentsAreRatedAtTheirOwnTier() {
        List<TimedUsage> usages =
                MixTranscodeRater.rate(
                        List.of(
                                MixTranscodeSegment.ofStream(
                                        "B", VideoCodec.H265, SD_360P, span("00:00", "00:05")),
                                MixTranscodeSegment.ofStream(
                                        "B", VideoCodec.H265, FHD_1080P, span("00:05", "00:10"))));

        assertThat(billOf(usages).lines())
                .extracting(BillLine::key, BillLine::minutes, BillLine::amount)
                .containsExactly(
                        tuple(h265(ResolutionTier.SD), 5L, cny("0.17500000")),
                        tuple(h265(ResolutionTier.FHD), 5L, cny("0.68000000")));
    }

    @Test
    void noInputMeansNoChargeEvenWithAVideoOutput() {
        assertThat(MixTranscodeRater.rateSession(VideoCodec.H264, HD_720P, List.of())).isEmpty();
    }

    private static MixInput audio(String user, TimeSpan span) {
        return new MixInput(user, StreamType.MAIN, Resolution.NONE, span);
    }

    private static MixInput video(String user, Resolution resolution, TimeSpan span) {
        return new MixInput(user, StreamType.MAIN, resolution, span);
    }

    private static ChargeKey h264(RatedTier tier) {
        return ChargeKey.of(BillableItem.MIX_TRANSCODE_H264, tier);
    }

    private static ChargeKey h265(ResolutionTier tier) {
        return ChargeKey.of(BillableItem.MIX_TRANSCODE_H265, RatedTier.of(tier));
    }
}
