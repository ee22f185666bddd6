package dev.rtcsuite.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.rtcsuite.platform.error.FieldViolation;
import dev.rtcsuite.platform.error.ServiceException;
import org.junit.jupiter.api.Test;

/** SPEC X-1: a time protobuf does not define is refused wherever it appears, naming its field. */
class TimestampGuardTest {

    private static final Timestamp VALID =
            Timestamp.newBuilder().setSeconds(1_700_000_000L).build();

    @Test
    void validTimesPass() {
        assertThat(TimestampGuard.check(VALID)).isEmpty();
        assertThat(
                        TimestampGuard.check(
                                com.google.type.Interval.newBuilder()
                                        .setStartTime(VALID)
                                        .setEndTime(VALID)
                                        .build()))
                .isEmpty();
    }

    @Test
    void nanosOutOfRangeOrAYearAfter9999AreRefusedWithTheirPath() {
        com.google.type.Interval interval =
                com.google.type.Interval.newBuilder()
                        .setStartTime(VALID.toBuilder().setNanos(1_500_000_000))
                        .setEndTime(Timestamp.newBuilder().setSeconds(253_402_300_800L))
                        .build();

        ServiceException failure = TimestampGuard.check(interval).orElseThrow();

        assertThat(failure.violations())
                .extracting(FieldViolation::field)
                .containsExactly("start_time", "end_time");
        assertThat(failure.violations())
                .allSatisfy(v -> assertThat(v.description()).isEqualTo(ProtoTime.VALID_RANGE));
    }

    @Test
    void theEdgesOfTheRangeAreValid() {
        assertThat(
                        ProtoTime.isValid(
                                Timestamp.newBuilder()
                                        .setSeconds(253_402_300_799L)
                                        .setNanos(999_999_999)
                                        .build()))
                .isTrue();
        assertThat(ProtoTime.isValid(Timestamp.newBuilder().setSeconds(-62_135_596_800L).build()))
                .isTrue();
        assertThat(ProtoTime.isValid(Timestamp.newBuilder().setSeconds(-62_135_596_801L).build()))
                .isFalse();
        assertThat(ProtoTime.isValid(VALID.toBuilder().setNanos(-1).build())).isFalse();
    }
}
