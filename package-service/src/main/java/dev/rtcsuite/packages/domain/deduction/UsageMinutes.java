package dev.rtcsuite.packages.domain.deduction;

import dev.rtcsuite.packages.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact, possibly fractional number of usage minutes. Fractions arise when a package runs out in
 * the middle of a usage minute: 7 package minutes left at ratio 9 cover 7/9 of a minute. Keeping
 * the fraction (instead of a rounded decimal) makes every deduction add up exactly; {@link
 * #toDecimal} rounds only for display and storage.
 */
public record UsageMinutes(long numerator, long denominator) implements Comparable<UsageMinutes> {

    public static final UsageMinutes ZERO = new UsageMinutes(0, 1);

    /** Decimals of the rounded form, as for exact money amounts. */
    public static final int DECIMAL_SCALE = 8;

    public UsageMinutes {
        if (denominator <= 0) {
            throw new IllegalArgumentException("Denominator must be positive: " + denominator);
        }
        long gcd = gcd(Math.abs(numerator), denominator);
        if (gcd > 1) {
            numerator /= gcd;
            denominator /= gcd;
        }
    }

    public static UsageMinutes of(long minutes) {
        return new UsageMinutes(minutes, 1);
    }

    public UsageMinutes plus(UsageMinutes other) {
        return new UsageMinutes(
                Math.addExact(
                        Math.multiplyExact(numerator, other.denominator),
                        Math.multiplyExact(other.numerator, denominator)),
                Math.multiplyExact(denominator, other.denominator));
    }

    public UsageMinutes minus(UsageMinutes other) {
        return plus(other.negate());
    }

    public UsageMinutes negate() {
        return new UsageMinutes(-numerator, denominator);
    }

    public UsageMinutes times(long factor) {
        return new UsageMinutes(Math.multiplyExact(numerator, factor), denominator);
    }

    public UsageMinutes dividedBy(long divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("Divisor must be positive: " + divisor);
        }
        return new UsageMinutes(numerator, Math.multiplyExact(denominator, divisor));
    }

    /** The smallest whole number not below this one. */
    public long ceil() {
        return Math.ceilDiv(numerator, denominator);
    }

    public int signum() {
        return Long.signum(numerator);
    }

    public boolean isZero() {
        return numerator == 0;
    }

    public boolean isPositive() {
        return numerator > 0;
    }

    /** Half-up to {@value #DECIMAL_SCALE} decimals. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), DECIMAL_SCALE, RoundingMode.HALF_UP);
    }

    /** These minutes at {@code perMinute}, computed from the exact fraction, half-up to scale 8. */
    public Money priceAt(Money perMinute) {
        return Money.of(
                perMinute
                        .amount()
                        .multiply(BigDecimal.valueOf(numerator))
                        .divide(
                                BigDecimal.valueOf(denominator),
                                Money.EXACT_SCALE,
                                RoundingMode.HALF_UP),
                perMinute.currency());
    }

    @Override
    public int compareTo(UsageMinutes other) {
        return Long.compare(
                Math.multiplyExact(numerator, other.denominator),
                Math.multiplyExact(other.numerator, denominator));
    }

    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long next = a % b;
            a = b;
            b = next;
        }
        return a;
    }
}
