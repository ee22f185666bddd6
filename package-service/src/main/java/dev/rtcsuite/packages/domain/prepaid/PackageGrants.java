package dev.rtcsuite.packages.domain.prepaid;

import dev.rtcsuite.platform.error.FieldChecks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Packages that operators hand out (SPEC P-3): gifts, and conversions of legacy packages. Both are
 * free, deduct at the general ratios from the moment they are granted and are never refundable.
 */
public final class PackageGrants {

    public static final long MAX_MINUTES = 100_000_000;
    public static final int DEFAULT_VALIDITY_MONTHS = 12;
    public static final int MAX_VALIDITY_MONTHS = 36;

    private PackageGrants() {}

    /**
     * A gift of {@code minutes}, valid through the last day of the month {@code validityMonths} (0
     * means 12) after this one.
     */
    public static PrepaidPackage gift(
            UUID accountId,
            long minutes,
            int validityMonths,
            String displayName,
            String note,
            Instant now,
            ZoneId billingZone) {
        new FieldChecks()
                .check(
                        minutes >= 1 && minutes <= MAX_MINUTES,
                        "minutes",
                        "must be 1–" + MAX_MINUTES + " minutes, was " + minutes)
                .check(
                        validityMonths >= 0 && validityMonths <= MAX_VALIDITY_MONTHS,
                        "validity_months",
                        "must be 1–36 months, or 0 for 12; was " + validityMonths)
                .length(displayName, 0, 128, "display_name")
                .length(note, 1, 512, "note")
                .throwIfInvalid();
        String name =
                displayName.isBlank()
                        ? "Gift package " + PackageTerms.grouped(minutes) + " minutes"
                        : displayName.strip();
        int months = validityMonths == 0 ? DEFAULT_VALIDITY_MONTHS : validityMonths;
        return PrepaidPackage.granted(
                accountId,
                PackageTerms.granted(PackageKind.GIFT, name, minutes),
                now,
                Validity.months(now, billingZone, months),
                note.strip());
    }

    /**
     * Converts the remaining minutes of a legacy package into a general package that keeps the
     * legacy package's last valid day: voice 1:1, SD 1:2, HD 1:4.
     */
    public static PrepaidPackage convertLegacy(
            UUID accountId,
            LegacyPackageType legacyType,
            long legacyMinutes,
            LocalDate lastValidDay,
            String legacyReference,
            Instant now,
            ZoneId billingZone) {
        LocalDate today = LocalDate.ofInstant(now, billingZone);
        new FieldChecks()
                .check(
                        legacyMinutes >= 1 && legacyMinutes <= MAX_MINUTES,
                        "legacy_minutes",
                        "must be 1–" + MAX_MINUTES + " minutes, was " + legacyMinutes)
                .check(
                        !lastValidDay.isBefore(today),
                        "last_valid_day",
                        "must be today (" + today + ") or later, was " + lastValidDay)
                .length(legacyReference, 1, 128, "legacy_reference")
                .throwIfInvalid();
        long minutes = legacyType.generalMinutes(legacyMinutes);
        String name =
                "General package "
                        + PackageTerms.grouped(minutes)
                        + " minutes (from legacy "
                        + legacyType
                        + ")";
        return PrepaidPackage.granted(
                accountId,
                PackageTerms.granted(PackageKind.CONVERTED, name, minutes),
                now,
                Validity.through(today, lastValidDay, billingZone),
                "Converted from legacy "
                        + legacyType
                        + " package "
                        + legacyReference.strip()
                        + ": "
                        + PackageTerms.grouped(legacyMinutes)
                        + " legacy minutes");
    }
}
