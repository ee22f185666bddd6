package dev.rtcsuite.rating.domain.valueadded;

import static dev.rtcsuite.rating.domain.RatingFixtures.billOf;
import static dev.rtcsuite.rating.domain.RatingFixtures.span;
import static dev.rtcsuite.rating.domain.RatingFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC R-6: in-class recording — every recorded video on its own, in USD")
class InClassRecordingRaterTest {

    private static final ChargeKey PRICED = ChargeKey.untiered(BillableItem.IN_CLASS_RECORDING);

    @Test
    @DisplayName(
            "R-6 example: student camera 30 min, teacher camera 40 min, whiteboard 40 min → 110"
                    + " min → 0.77 USD")
    void eachRecordedVideoCountsOnItsOwn() {
        List<InClassRecordingSegment> segments =
                List.of(
                        new InClassRecordingSegment(
                                "class-1234",
                                InClassVideoType.CAMERA,
                                "ios_test1",
                                span("00:05", "00:35")),
                        new InClassRecordingSegment(
                                "class-1234",
                                InClassVideoType.CAMERA,
                                "pc_test1",
                                span("00:00", "00:40")),
                        new InClassRecordingSegment(
                                "class-1234",
                                InClassVideoType.WHITEBOARD,
                                "",
                                span("00:00", "00:40")));

        DailyBill bill = billOf(InClassRecordingRater.rate(segments));

        assertThat(bill.line(PRICED).orElseThrow().minutes()).isEqualTo(110);
        assertThat(bill.total(Money.USD).exact()).isEqualTo(usd("0.77000000"));
        assertThat(bill.total(Money.USD).rounded()).isEqualTo(usd("0.77"));
    }

    @Test
    @DisplayName("R-6: the mixed output video is priced 0 and still reported")
    void theMixedOutputIsFreeButReported() {
        DailyBill bill =
                billOf(
                        InClassRecordingRater.rate(
                                List.of(
                                        new InClassRecordingSegment(
                                                "c",
                                                InClassVideoType.WHITEBOARD,
                                                "",
                                                span("00:00", "00:40")),
                                        new InClassRecordingSegment(
                                                "c",
                                                InClassVideoType.MIXED_OUTPUT,
                                                "",
                                                span("00:00", "00:40")))));

        assertThat(bill.lines())
                .extracting(l -> l.key().free(), BillLine::minutes, BillLine::amount)
                .containsExactly(
                        tuple(false, 40L, usd("0.28000000")),
                        tuple(true, 40L, Money.zero(Money.USD)));
    }

    @Test
    void onlyACameraVideoHasAUser() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new InClassRecordingSegment(
                                        "c", InClassVideoType.CAMERA, "", span("00:00", "00:01")));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new InClassRecordingSegment(
                                        "c",
                                        InClassVideoType.WHITEBOARD,
                                        "u",
                                        span("00:00", "00:01")));
    }
}
