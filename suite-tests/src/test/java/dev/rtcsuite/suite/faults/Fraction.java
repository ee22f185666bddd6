package dev.rtcsuite.suite.faults;

import java.math.BigInteger;

/**
 * An exact rational number, as package-service keeps usage minutes (7 package minutes at ratio 9
 * cover 7/9 of a usage minute): sums of them compare exactly, never rounded.
 */
public record Fraction(BigInteger numerator, BigInteger denominator) {

    public static final Fraction ZERO = of(0);

    public Fraction {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() > 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static Fraction of(long whole) {
        return of(whole, 1);
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public Fraction plus(Fraction other) {
        return new Fraction(
                numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Fraction times(long factor) {
        return new Fraction(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    /** The smallest whole number not below this one. */
    public long ceil() {
        BigInteger[] division = numerator.divideAndRemainder(denominator);
        return division[0].longValueExact() + (division[1].signum() > 0 ? 1 : 0);
    }

    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE)
                ? numerator.toString()
                : numerator + "/" + denominator;
    }
}
