package dev.rtcsuite.packages.domain.prepaid;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * The free trial (SPEC P-2): one per account, granted with its first app: 10,000 minutes at 1:1 for
 * every tier, valid through the last day of the same month of the next year, never refundable.
 */
public final class FreeTrial {

    public static final long MINUTES = 10_000;
    public static final int VALIDITY_MONTHS = 12;

    private FreeTrial() {}

    /**
     * The trial if the app being created is the account's first ({@code appsBefore} = 0); a later
     * app grants nothing, so each account gets one trial at most.
     */
    public static Optional<PrepaidPackage> grantWithApp(
            UUID accountId, long appsBefore, Instant now, ZoneId billingZone) {
        if (appsBefore > 0) {
            return Optional.empty();
        }
        PackageTerms terms =
                PackageTerms.granted(
                        PackageKind.FREE_TRIAL,
                        "Free trial " + PackageTerms.grouped(MINUTES) + " minutes",
                        MINUTES);
        return Optional.of(
                PrepaidPackage.granted(
                        accountId,
                        terms,
                        now,
                        Validity.months(now, billingZone, VALIDITY_MONTHS),
                        ""));
    }
}
