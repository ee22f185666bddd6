package dev.rtcsuite.rating.domain.bill;

import dev.rtcsuite.rating.domain.BillableMinutes;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.QuantityUnit;
import dev.rtcsuite.rating.domain.price.PriceQuote;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * One line of a bill or estimate: a charge, its usage, its unit price and where that came from.
 *
 * @param seconds usage seconds of time-measured items (recording seconds already × formats); 0 for
 *     quantity items
 * @param quantity billable minutes for time-measured items, else the quantity in the item's unit
 */
public record BillLine(ChargeKey key, long seconds, BigDecimal quantity, PriceQuote price) {

    public BillLine {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        if (seconds < 0 || quantity.signum() < 0) {
            throw new IllegalArgumentException("usage must be ≥ 0");
        }
        if (key.item().timeMeasured() && quantity.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("minutes are whole, was " + quantity);
        }
        if (!key.item().timeMeasured() && seconds != 0) {
            throw new IllegalArgumentException(key.item() + " is not measured in seconds");
        }
    }

    /** A line of minutes already accumulated (the sum of interval deltas, R-2). */
    public static BillLine ofMinutes(ChargeKey key, long seconds, long minutes, PriceQuote price) {
        return new BillLine(key, seconds, BigDecimal.valueOf(minutes), price);
    }

    /** A line of seconds rounded up to minutes as a whole (estimates, per-user views). */
    public static BillLine ofSeconds(ChargeKey key, long seconds, PriceQuote price) {
        return ofMinutes(key, seconds, BillableMinutes.ofSeconds(seconds), price);
    }

    /** A line of a quantity item (channel-months, GB-days, GB). */
    public static BillLine ofQuantity(ChargeKey key, BigDecimal quantity, PriceQuote price) {
        return new BillLine(key, 0, quantity, price);
    }

    /** Billable minutes (time-measured items), else 0. */
    public long minutes() {
        return key.item().timeMeasured() ? quantity.longValueExact() : 0;
    }

    public QuantityUnit unit() {
        return key.item().unit();
    }

    public Currency currency() {
        return price.unitPrice().currency();
    }

    /** quantity × unit price, exact (scale 8). */
    public Money amount() {
        return price.unitPrice().times(quantity);
    }

    /** The exact amount rounded half-up to 0.01. */
    public Money roundedAmount() {
        return amount().rounded();
    }

    /** True when both lines are the same charge at the same price, so they can be added up. */
    public boolean sameChargeAs(BillLine other) {
        return key.equals(other.key) && price.equals(other.price);
    }

    /** Adds the usage of the same charge at the same price (an account's apps, R-8). */
    public BillLine plus(BillLine other) {
        if (!sameChargeAs(other)) {
            throw new IllegalArgumentException("only lines of the same charge and price add up");
        }
        return new BillLine(key, seconds + other.seconds, quantity.add(other.quantity), price);
    }
}
