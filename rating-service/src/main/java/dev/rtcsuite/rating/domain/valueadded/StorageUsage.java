package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.QuantityUsage;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Recorded files kept in storage (SPEC R-7): charged as GB × days × file formats GB-days.
 *
 * @param gigabytes size of one format's files, GB (10^9 bytes); see {@link #gigabytes(long)}
 */
public record StorageUsage(BigDecimal gigabytes, int days, int formatCount) {

    public StorageUsage {
        Objects.requireNonNull(gigabytes, "gigabytes");
        if (gigabytes.signum() < 0 || days < 0) {
            throw new IllegalArgumentException("storage size and days must be ≥ 0");
        }
        if (formatCount < 1) {
            throw new IllegalArgumentException("format count must be ≥ 1, was " + formatCount);
        }
    }

    /** Bytes in GB (10^9 bytes), exact. */
    public static BigDecimal gigabytes(long bytes) {
        return BigDecimal.valueOf(bytes).movePointLeft(9);
    }

    public QuantityUsage toUsage() {
        return new QuantityUsage(
                ChargeKey.untiered(BillableItem.STORAGE),
                gigabytes.multiply(BigDecimal.valueOf((long) days * formatCount)));
    }
}
