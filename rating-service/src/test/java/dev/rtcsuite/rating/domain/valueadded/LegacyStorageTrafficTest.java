package dev.rtcsuite.rating.domain.valueadded;

import static dev.rtcsuite.rating.domain.RatingFixtures.billOf;
import static dev.rtcsuite.rating.domain.RatingFixtures.cny;
import static dev.rtcsuite.rating.domain.RatingFixtures.decimal;
import static dev.rtcsuite.rating.domain.RatingFixtures.firstMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.QuantityUnit;
import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import dev.rtcsuite.rating.domain.tier.Resolution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC R-7: legacy recording plan, storage and playback traffic")
class LegacyStorageTrafficTest {

    @Test
    @DisplayName("R-7: legacy plan, monthly peak 500 channels × 30 CNY → 15,000 CNY")
    void legacyRecordingIsChargedByMonthlyPeakChannels() {
        LegacyRecordingPeak peak = new LegacyRecordingPeak(YearMonth.of(2026, 11), 500, 1);

        BillLine line = billOf(List.of(peak.toUsage())).lines().getFirst();

        assertThat(line.unit()).isEqualTo(QuantityUnit.CHANNEL_MONTHS);
        assertThat(line.amount()).isEqualTo(cny("15000.00000000"));
        assertThat(peak.billingDay()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void legacyRecordingIsMultipliedByTheNumberOfFormats() {
        var usage = new LegacyRecordingPeak(YearMonth.of(2026, 11), 500, 2).toUsage();

        assertThat(billOf(List.of(usage)).total(Money.CNY).exact())
                .isEqualTo(cny("30000.00000000"));
    }

    @Test
    @DisplayName("R-7: storage, 0.45 GB for 1 day × 0.0048 → 0.00216 CNY")
    void storageIsChargedPerGigabyteDay() {
        DailyBill bill = billOf(List.of(new StorageUsage(decimal("0.45"), 1, 1).toUsage()));

        assertThat(bill.lines())
                .extracting(BillLine::unit, BillLine::amount, BillLine::roundedAmount)
                .containsExactly(tuple(QuantityUnit.GB_DAYS, cny("0.00216000"), cny("0.00")));
        assertThat(bill.total(Money.CNY).exact()).isEqualTo(cny("0.00216000"));
    }

    @Test
    void storageIsMultipliedByFormatsAndDaysAndMeasuredInDecimalGigabytes() {
        StorageUsage twoFormatsThreeDays =
                new StorageUsage(StorageUsage.gigabytes(450_000_000L), 3, 2);

        assertThat(twoFormatsThreeDays.toUsage().quantity()).isEqualByComparingTo("2.7");
    }

    @Test
    @DisplayName("R-7: playback traffic, 1000 viewers × 1 GB × 0.23 → 230 CNY")
    void playbackTrafficIsChargedPerGigabyte() {
        PlaybackTraffic traffic = PlaybackTraffic.ofBytes(1000 * 1_000_000_000L);

        BillLine line = billOf(List.of(traffic.toUsage())).lines().getFirst();

        assertThat(line.unit()).isEqualTo(QuantityUnit.GB);
        assertThat(line.amount()).isEqualTo(cny("230.00000000"));
        assertThat(line.roundedAmount()).isEqualTo(cny("230.00"));
    }

    @Test
    @DisplayName("R-7: the legacy plan applies to accounts whose first app predates 2020-07-01")
    void legacyPlanAppliesToFirstAppsCreatedBeforeJuly2020() {
        assertThat(LegacyRecordingPlan.appliesTo(Instant.parse("2020-06-30T15:59:59Z"))).isTrue();
        assertThat(LegacyRecordingPlan.appliesTo(Instant.parse("2020-06-30T16:00:00Z"))).isFalse();
        assertThat(LegacyRecordingPlan.appliesTo(Instant.parse("2023-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void legacyPlanRecordingMinutesAreKeptButFree() {
        List<TimedUsage> recording =
                RecordingRater.rateTask(
                        RecordingType.MIXED_STREAM,
                        1,
                        List.of(
                                RecorderInput.of(
                                        "A",
                                        StreamType.MAIN,
                                        Resolution.of(640, 360),
                                        firstMinutes(10))));

        DailyBill bill = billOf(LegacyRecordingPlan.waiveMinuteCharges(recording));

        assertThat(bill.lines())
                .extracting(
                        l -> l.key().item(),
                        l -> l.key().free(),
                        BillLine::minutes,
                        BillLine::amount)
                .containsExactly(
                        tuple(
                                BillableItem.RECORDING_MIXED_STREAM,
                                true,
                                10L,
                                Money.zero(Money.CNY)));
    }

    @Test
    void onlyRecordingMinutesCanBeWaivedByTheLegacyPlan() {
        TimedUsage inClass =
                TimedUsage.of(
                        "u", ChargeKey.untiered(BillableItem.IN_CLASS_RECORDING), firstMinutes(1));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> LegacyRecordingPlan.waiveMinuteCharges(List.of(inClass)));
    }
}
