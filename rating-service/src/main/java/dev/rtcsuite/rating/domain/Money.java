package dev.rtcsuite.rating.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency. Exact amounts are kept to {@value #EXACT_SCALE} decimals and shown
 * rounded half-up to cents (SPEC R-2).
 */
public record Money(BigDecimal amount, Currency currency) {

    /** Scale of exact amounts and per-minute prices. */
    public static final int EXACT_SCALE = 8;

    /** Scale of rounded amounts. */
    public static final int ROUNDED_SCALE = 2;

    public static final Currency CNY = Currency.getInstance("CNY");
    public static final Currency USD = Currency.getInstance("USD");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(EXACT_SCALE), currency);
    }

    /**
     * This amount as a unit price times a quantity, exact at scale 8. Minutes × a per-minute price
     * of scale 8 is always exact; fractional quantities (GB) are rounded half-up at the 8th
     * decimal.
     */
    public Money times(BigDecimal quantity) {
        return new Money(exact(amount.multiply(quantity)), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot add " + other.currency + " to " + currency + " amounts");
        }
        return new Money(exact(amount.add(other.amount)), currency);
    }

    /** Rounded half-up to 0.01, as a bill shows it. */
    public Money rounded() {
        return new Money(amount.setScale(ROUNDED_SCALE, RoundingMode.HALF_UP), currency);
    }

    /** True when the amounts are numerically equal in the same currency, whatever their scale. */
    public boolean isEqualTo(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    private static BigDecimal exact(BigDecimal value) {
        return value.setScale(EXACT_SCALE, RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
