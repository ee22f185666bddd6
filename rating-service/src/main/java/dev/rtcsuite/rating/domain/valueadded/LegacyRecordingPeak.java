package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.QuantityUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The monthly peak of concurrent recording channels of an app on the legacy plan (SPEC R-7):
 * charged as peak × file formats channel-months, on the bill of the month's last billing day.
 */
public record LegacyRecordingPeak(YearMonth month, int peakChannels, int formatCount) {

    public LegacyRecordingPeak {
        Objects.requireNonNull(month, "month");
        if (peakChannels < 0) {
            throw new IllegalArgumentException("peak channels must be ≥ 0, was " + peakChannels);
        }
        if (formatCount < 1) {
            throw new IllegalArgumentException("format count must be ≥ 1, was " + formatCount);
        }
    }

    /** The billing day whose bill carries the month's charge. */
    public LocalDate billingDay() {
        return month.atEndOfMonth();
    }

    public QuantityUsage toUsage() {
        return new QuantityUsage(
                ChargeKey.untiered(BillableItem.LEGACY_RECORDING),
                BigDecimal.valueOf((long) peakChannels * formatCount));
    }
}
