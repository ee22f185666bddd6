package dev.rtcsuite.packages.domain.prepaid;

import dev.rtcsuite.packages.domain.money.Money;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a package is, as sold or granted: its kind, size, price and refundability. The account,
 * dates and remaining minutes belong to the {@link PrepaidPackage} that carries these terms.
 *
 * @param perMinutePrice the charged price per package minute; empty for grants
 * @param offerId the offer it is sold under (kind OFFER)
 * @param refundable whether the no-reason refund applies at all (SPEC P-7): general packages yes,
 *     offers only if the offer says so, grants never
 */
public record PackageTerms(
        PackageKind kind,
        String displayName,
        long minutes,
        Money price,
        Optional<Money> perMinutePrice,
        Optional<FixedPackageSize> fixedSize,
        Optional<UUID> offerId,
        boolean refundable) {

    public PackageTerms {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        if (minutes <= 0) {
            throw new IllegalArgumentException("A package has at least one minute");
        }
        if (price.isNegative()) {
            throw new IllegalArgumentException("A price is never negative");
        }
        if (!kind.isPurchase() && (price.isPositive() || refundable)) {
            throw new IllegalArgumentException(kind + " packages are free and never refundable");
        }
    }

    public static PackageTerms general(PackageQuote quote) {
        return new PackageTerms(
                PackageKind.GENERAL,
                "General package " + grouped(quote.minutes()) + " minutes",
                quote.minutes(),
                quote.price(),
                Optional.of(quote.perMinutePrice()),
                quote.fixedSize(),
                Optional.empty(),
                true);
    }

    public static PackageTerms offer(
            UUID offerId, String displayName, PackageQuote quote, boolean refundable) {
        return new PackageTerms(
                PackageKind.OFFER,
                displayName,
                quote.minutes(),
                quote.price(),
                Optional.of(quote.perMinutePrice()),
                Optional.empty(),
                Optional.of(offerId),
                refundable);
    }

    /** A free package: the trial, a gift or a conversion. */
    public static PackageTerms granted(PackageKind kind, String displayName, long minutes) {
        return new PackageTerms(
                kind,
                displayName,
                minutes,
                Money.zero(Money.CNY),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false);
    }

    /** {@code 25000} as {@code 25,000}, for display names. */
    static String grouped(long minutes) {
        return String.format(Locale.ROOT, "%,d", minutes);
    }
}
