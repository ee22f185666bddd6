package dev.rtcsuite.packages.domain.deduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeductionIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        Instant now = Instant.parse("2026-11-30T16:00:00.123Z");

        UUID id = DeductionIds.next(now);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAndNoneRepeats() {
        Instant now = Instant.parse("2026-11-30T16:00:00Z");
        Set<UUID> seen = new HashSet<>();
        UUID previous = DeductionIds.next(now);
        for (int i = 1; i <= 10_000; i++) {
            UUID next = DeductionIds.next(now.plusMillis(i));
            // PostgreSQL orders uuid bytewise: unsigned, most significant bits first.
            assertThat(
                            Long.compareUnsigned(
                                    next.getMostSignificantBits(),
                                    previous.getMostSignificantBits()))
                    .isPositive();
            assertThat(seen.add(next)).isTrue();
            previous = next;
        }
    }
}
