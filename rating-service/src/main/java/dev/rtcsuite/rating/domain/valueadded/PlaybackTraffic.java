package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.QuantityUsage;
import java.math.BigDecimal;
import java.util.Objects;

/** Playback traffic of recorded files (SPEC R-7): charged per GB (10^9 bytes). */
public record PlaybackTraffic(BigDecimal gigabytes) {

    public PlaybackTraffic {
        Objects.requireNonNull(gigabytes, "gigabytes");
        if (gigabytes.signum() < 0) {
            throw new IllegalArgumentException("traffic must be ≥ 0, was " + gigabytes);
        }
    }

    public static PlaybackTraffic ofBytes(long bytes) {
        return new PlaybackTraffic(StorageUsage.gigabytes(bytes));
    }

    public QuantityUsage toUsage() {
        return new QuantityUsage(ChargeKey.untiered(BillableItem.PLAYBACK_TRAFFIC), gigabytes);
    }
}
