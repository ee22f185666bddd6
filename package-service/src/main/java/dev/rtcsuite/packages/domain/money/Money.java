package dev.rtcsuite.packages.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency (SPEC §0: never floating point). The amount is kept without
 * trailing zeros beyond the cents, so that equal values are equal records: 168, 168.0 and
 * 168.00000000 are all {@code 168.00}, and 0.00672000 is {@code 0.00672}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final Currency CNY = Currency.getInstance("CNY");

    /** Exact amounts (per-minute prices, unrounded charges) keep this many decimals. */
    public static final int EXACT_SCALE = 8;

    private static final int CENTS_SCALE = 2;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        BigDecimal stripped = amount.stripTrailingZeros();
        amount = stripped.scale() < CENTS_SCALE ? stripped.setScale(CENTS_SCALE) : stripped;
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money cny(String amount) {
        return of(amount, CNY);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** The exact product, unrounded. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money times(long factor) {
        return times(BigDecimal.valueOf(factor));
    }

    /** Half-up to 0.01: what is actually charged or paid. */
    public Money roundedToCents() {
        return new Money(amount.setScale(CENTS_SCALE, RoundingMode.HALF_UP), currency);
    }

    /** Half-up to {@value #EXACT_SCALE} decimals: the precision of exact amounts. */
    public Money roundedToExactScale() {
        return new Money(amount.setScale(EXACT_SCALE, RoundingMode.HALF_UP), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Whether the amount needs no more than two decimals (prices, top-ups, vouchers). */
    public boolean hasAtMostCents() {
        return amount.scale() <= CENTS_SCALE;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /** The plain amount, as error metadata and logs show it, e.g. {@code 168.00}. */
    public String plainAmount() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + plainAmount();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot combine " + this + " with " + other + ": currencies differ");
        }
        return other;
    }
}
