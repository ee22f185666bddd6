package dev.rtcsuite.packages.domain.prepaid;

import dev.rtcsuite.packages.domain.money.Money;

/**
 * The fixed general packages (SPEC P-3). Their prices also set the per-minute price of custom sizes
 * in the same band.
 */
public enum FixedPackageSize {
    SIZE_25K(25_000, "168.00"),
    SIZE_250K(250_000, "1588.00"),
    SIZE_1000K(1_000_000, "5968.00"),
    SIZE_3000K(3_000_000, "16888.00");

    private final long minutes;
    private final Money price;

    FixedPackageSize(long minutes, String price) {
        this.minutes = minutes;
        this.price = Money.cny(price);
    }

    public long minutes() {
        return minutes;
    }

    public Money price() {
        return price;
    }
}
