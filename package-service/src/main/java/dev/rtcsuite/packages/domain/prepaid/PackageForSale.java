package dev.rtcsuite.packages.domain.prepaid;

/**
 * A package a buyer may purchase: its terms, and how many months after the purchase month it stays
 * valid (12 for general packages; offers set their own).
 */
public record PackageForSale(PackageTerms terms, int validityMonths) {

    public static final int GENERAL_VALIDITY_MONTHS = 12;

    public PackageForSale {
        if (!terms.kind().isPurchase()) {
            throw new IllegalArgumentException(terms.kind() + " packages are not sold");
        }
    }

    public static PackageForSale general(PackageQuote quote) {
        return new PackageForSale(PackageTerms.general(quote), GENERAL_VALIDITY_MONTHS);
    }
}
