package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.prepaid.FixedPackageSize;

/** What a quote or purchase names: a fixed size, a custom size or an offer (SPEC P-3). */
public sealed interface PackageChoice {

    /** A fixed size; null when the request named UNSPECIFIED. */
    record Fixed(FixedPackageSize size) implements PackageChoice {}

    record Custom(long minutes) implements PackageChoice {}

    record OfferChoice(String offerId) implements PackageChoice {}

    /** The request named nothing. */
    record Missing() implements PackageChoice {}
}
