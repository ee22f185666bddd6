package dev.rtcsuite.recording.domain.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** SPEC R-7 storage: GB × days, each file for the share of the billing day it was kept. */
class StorageDayTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final StorageDay DAY = new StorageDay(LocalDate.of(2026, 3, 8), SHANGHAI);
    private static final long SECONDS_PER_DAY = 86_400;

    /** GB-days (GB = 10^9 bytes) of an average of bytes kept over a day. */
    private static BigDecimal gigabyteDays(long averageBytes) {
        return BigDecimal.valueOf(averageBytes).movePointLeft(9);
    }

    @Test
    void aFileKeptTheWholeDayIsItsSizeInGigabyteDays() {
        // SPEC R-7: a 1000 kbps stream recorded 1 h ≈ 0.45 GB; 0.45 × 0.0048 = 0.00216 CNY per day
        long bytes = 450_000_000L;
        long average = DAY.averageBytes(BigDecimal.valueOf(bytes * SECONDS_PER_DAY));

        assertThat(gigabyteDays(average)).isEqualByComparingTo("0.45");
        assertThat(gigabyteDays(average).multiply(new BigDecimal("0.0048")))
                .isEqualByComparingTo("0.00216");
    }

    @Test
    void eachFormatsFileCountsOnItsOwnForTheTimeItWasKept() {
        // HLS and MP4 files of the same hour: one kept the whole day, one deleted after 6 hours
        long bytes = 450_000_000L;
        BigDecimal byteSeconds =
                BigDecimal.valueOf(bytes * SECONDS_PER_DAY)
                        .add(BigDecimal.valueOf(bytes * Duration.ofHours(6).toSeconds()));

        assertThat(gigabyteDays(DAY.averageBytes(byteSeconds))).isEqualByComparingTo("0.5625");
    }

    @Test
    void theDayIsTheBillingZonesCalendarDayWhateverItsLength() {
        assertThat(DAY.start()).isEqualTo(DAY.day().atStartOfDay(SHANGHAI).toInstant());
        assertThat(DAY.length()).isEqualTo(Duration.ofHours(24));
        // a spring-forward day lasts 23 hours: a file kept all of it is still one GB-day per GB
        StorageDay shortDay =
                new StorageDay(LocalDate.of(2026, 3, 8), ZoneId.of("America/New_York"));
        assertThat(shortDay.length()).isEqualTo(Duration.ofHours(23));
        long gigabyte = 1_000_000_000L;
        assertThat(
                        shortDay.averageBytes(
                                BigDecimal.valueOf(gigabyte * shortDay.length().toSeconds())))
                .isEqualTo(gigabyte);
    }

    @Test
    void theAverageIsRoundedHalfUpToAByte() {
        assertThat(DAY.averageBytes(BigDecimal.valueOf(SECONDS_PER_DAY / 2))).isOne();
        assertThat(DAY.averageBytes(BigDecimal.valueOf(SECONDS_PER_DAY / 2 - 1))).isZero();
        assertThat(DAY.averageBytes(new BigDecimal("0.000001"))).isZero();
    }
}
