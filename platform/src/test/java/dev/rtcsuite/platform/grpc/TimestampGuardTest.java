package dev.rtcsuite.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import com.google.type.Interval;
import com.google.type.IntervalProto;
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
                                Interval.newBuilder()
                                        .setStartTime(VALID)
                                        .setEndTime(VALID)
                                        .build()))
                .isEmpty();
    }

    @Test
    void nanosOutOfRangeOrAYearAfter9999AreRefusedWithTheirPath() {
        Interval interval =
                Interval.newBuilder()
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
    void anInvalidTimeInsideARepeatedFieldIsNamedWithItsIndex() throws Exception {
        // message Batch { string note = 1; repeated google.type.Interval intervals = 2; }
        FileDescriptor file =
                FileDescriptor.buildFrom(
                        FileDescriptorProto.newBuilder()
                                .setName("timestamp_guard_test.proto")
                                .setPackage("test")
                                .addDependency("google/type/interval.proto")
                                .addMessageType(
                                        DescriptorProto.newBuilder()
                                                .setName("Batch")
                                                .addField(
                                                        field("note", 1, Type.TYPE_STRING, null)
                                                                .setLabel(Label.LABEL_OPTIONAL))
                                                .addField(
                                                        field(
                                                                        "intervals",
                                                                        2,
                                                                        Type.TYPE_MESSAGE,
                                                                        ".google.type.Interval")
                                                                .setLabel(Label.LABEL_REPEATED)))
                                .build(),
                        new FileDescriptor[] {IntervalProto.getDescriptor()});
        Descriptor batch = file.findMessageTypeByName("Batch");
        Interval valid = Interval.newBuilder().setStartTime(VALID).setEndTime(VALID).build();
        DynamicMessage request =
                DynamicMessage.newBuilder(batch)
                        .setField(batch.findFieldByName("note"), "two intervals")
                        .addRepeatedField(batch.findFieldByName("intervals"), valid)
                        .addRepeatedField(
                                batch.findFieldByName("intervals"),
                                valid.toBuilder()
                                        .setEndTime(VALID.toBuilder().setNanos(-1))
                                        .build())
                        .build();

        ServiceException failure = TimestampGuard.check(request).orElseThrow();

        assertThat(failure.violations())
                .extracting(FieldViolation::field)
                .containsExactly("intervals[1].end_time");
    }

    private static FieldDescriptorProto.Builder field(
            String name, int number, Type type, String typeName) {
        FieldDescriptorProto.Builder field =
                FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type);
        return typeName == null ? field : field.setTypeName(typeName);
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
