package dev.rtcsuite.platform.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every bad field of a request before failing, so that one answer names all of them
 * instead of making the caller fix them one round trip at a time.
 */
public final class FieldChecks {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** Records a violation of {@code field} unless {@code valid}. */
    public FieldChecks check(boolean valid, String field, String description) {
        if (!valid) {
            violations.add(new FieldViolation(field, description));
        }
        return this;
    }

    /** A string of {@code min}–{@code max} characters after trimming. */
    public FieldChecks length(String value, int min, int max, String field) {
        int length = value.strip().length();
        return check(
                length >= min && length <= max,
                field,
                "must be " + min + "–" + max + " characters, was " + length);
    }

    /** True while no check has failed. */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /** Adds this collector's violations to {@code other}, e.g. one record's to its batch's. */
    public void copyTo(FieldChecks other) {
        other.violations.addAll(violations);
    }

    /** Adds this collector's violations to {@code other}, each field named after {@code prefix}. */
    public void copyTo(FieldChecks other, String prefix) {
        violations.forEach(
                v -> other.violations.add(new FieldViolation(prefix + v.field(), v.description())));
    }

    /** Throws {@link ServiceException} with kind INVALID_ARGUMENT if any check failed. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw ServiceException.invalid(violations);
        }
    }
}
