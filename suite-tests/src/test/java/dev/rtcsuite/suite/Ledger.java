package dev.rtcsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.suite.faults.Fraction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's package ledger as package-service stored it (SPEC P-4), read from its database to
 * check that it balances: every deduction's parts and postpaid overflow add up to its usage, every
 * part took usage × ratio package minutes, and every package's used minutes are its parts.
 */
record Ledger(
        List<List<Object>> deductions, List<List<Object>> parts, List<List<Object>> packages) {

    static Ledger of(FaultDrill drill, String accountId) throws Exception {
        return new Ledger(
                drill.rows(
                        "package",
                        "SELECT deduction_id, kind, usage_minutes, postpaid_numerator,"
                                + " postpaid_denominator FROM deduction WHERE account_id = ?::uuid",
                        accountId),
                drill.rows(
                        "package",
                        "SELECT p.deduction_id, p.package_id, p.ratio, p.package_minutes,"
                                + " p.usage_numerator, p.usage_denominator, k.kind"
                                + " FROM deduction_part p JOIN deduction d USING (deduction_id)"
                                + " JOIN prepaid_package k ON k.package_id = p.package_id"
                                + " WHERE d.account_id = ?::uuid",
                        accountId),
                drill.rows(
                        "package",
                        "SELECT package_id, kind, total_minutes, remaining_minutes,"
                                + " forfeited_minutes FROM prepaid_package"
                                + " WHERE account_id = ?::uuid",
                        accountId));
    }

    /** Interval deductions counted by their usage minutes. */
    Map<Long, Long> intervalUsage() {
        Map<Long, Long> counts = new HashMap<>();
        for (List<Object> deduction : deductions) {
            if (deduction.get(1).equals("INTERVAL")) {
                counts.merge(number(deduction.get(2)), 1L, Long::sum);
            }
        }
        return counts;
    }

    void assertBalanced() {
        Map<Object, Fraction> covered = new HashMap<>();
        Map<Object, Long> usedOfPackage = new HashMap<>();
        for (List<Object> part : parts) {
            Fraction usage = Fraction.of(number(part.get(4)), number(part.get(5)));
            long ratio = number(part.get(2));
            // The trial deducts 1:1 whatever the tier; these general packages meet HD only (4:1).
            assertThat(ratio)
                    .as("ratio of a %s part", part.get(6))
                    .isEqualTo(part.get(6).equals("FREE_TRIAL") ? 1 : 4);
            assertThat(number(part.get(3)))
                    .as("package minutes = usage × ratio")
                    .isEqualTo(usage.times(ratio).ceil());
            covered.merge(part.get(0), usage, Fraction::plus);
            usedOfPackage.merge(part.get(1), number(part.get(3)), Long::sum);
        }
        for (List<Object> deduction : deductions) {
            Fraction postpaid = Fraction.of(number(deduction.get(3)), number(deduction.get(4)));
            assertThat(covered.getOrDefault(deduction.getFirst(), Fraction.ZERO).plus(postpaid))
                    .as("parts + overflow of deduction %s", deduction.getFirst())
                    .isEqualTo(Fraction.of(number(deduction.get(2))));
        }
        for (List<Object> prepaid : packages) {
            assertThat(number(prepaid.get(2)) - number(prepaid.get(3)) - number(prepaid.get(4)))
                    .as("used minutes of package %s", prepaid.getFirst())
                    .isEqualTo(usedOfPackage.getOrDefault(prepaid.getFirst(), 0L));
        }
    }

    Map<String, Long> packageMinutesByKind() {
        Map<String, Long> minutes = new HashMap<>();
        for (List<Object> part : parts) {
            minutes.merge((String) part.get(6), number(part.get(3)), Long::sum);
        }
        return minutes;
    }

    long remainingMinutes() {
        return packages.stream().mapToLong(p -> number(p.get(3))).sum();
    }

    /** Usage minutes no package covered, net of activation catch-ups. */
    Fraction postpaidUsageMinutes() {
        Fraction total = Fraction.ZERO;
        for (List<Object> deduction : deductions) {
            total = total.plus(Fraction.of(number(deduction.get(3)), number(deduction.get(4))));
        }
        return total;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
