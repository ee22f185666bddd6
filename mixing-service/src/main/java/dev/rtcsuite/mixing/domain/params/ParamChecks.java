package dev.rtcsuite.mixing.domain.params;

import dev.rtcsuite.mixing.domain.TrtcCodes;
import dev.rtcsuite.platform.error.FieldViolation;
import dev.rtcsuite.platform.error.ServiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every bad parameter of a request before failing, each with the TRTC code that names it,
 * so one answer lists them all (SPEC X-1). The error's {@code trtcCode} is the first violation's.
 */
public final class ParamChecks {

    /** One bad field: its proto path, what is allowed, and TRTC's code for it. */
    public record Violation(String field, String description, String trtcCode) {}

    private final List<Violation> violations = new ArrayList<>();

    public ParamChecks check(boolean valid, String field, String description, String trtcCode) {
        if (!valid) {
            violations.add(new Violation(field, description, trtcCode));
        }
        return this;
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Throws INVALID_ARGUMENT VALIDATION_FAILED naming every bad field, if any. */
    public void throwIfInvalid() {
        if (violations.isEmpty()) {
            return;
        }
        throw ServiceException.invalid(
                        violations.stream()
                                .map(v -> new FieldViolation(v.field(), v.description()))
                                .toList())
                .withMetadata(TrtcCodes.KEY, violations.getFirst().trtcCode());
    }

    /** Unsigned protobuf integers arrive as Java ints; larger values are out of every range. */
    public static long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }

    /** Clamps an unsigned protobuf integer into an int; values above int range become MAX. */
    public static int clamp(int unsignedValue) {
        return unsignedValue < 0 ? Integer.MAX_VALUE : unsignedValue;
    }
}
