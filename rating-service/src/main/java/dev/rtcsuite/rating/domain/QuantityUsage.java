package dev.rtcsuite.rating.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** Usage measured as a quantity in the item's unit (R-7: channel-months, GB-days, GB). */
public record QuantityUsage(ChargeKey key, BigDecimal quantity) implements Usage {

    public QuantityUsage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(quantity, "quantity");
        if (key.item().timeMeasured()) {
            throw new IllegalArgumentException(key.item() + " is measured in time, not quantity");
        }
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity must be ≥ 0, was " + quantity);
        }
    }
}
