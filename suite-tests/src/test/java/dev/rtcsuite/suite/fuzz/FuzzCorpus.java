package dev.rtcsuite.suite.fuzz;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Malformed and extreme requests for every RPC of the v1 contracts (issue #9), built from their
 * descriptors: each case is a plausible request, randomly filled, carrying at least one defect that
 * no valid request has — so every case must be refused with a client error and write nothing.
 */
public final class FuzzCorpus {

    /** What makes a case invalid, whatever else it carries. */
    public enum Defect {
        /** An enum field set to a number the enum does not define. */
        UNKNOWN_ENUM,
        /** A string field of 100,000 characters (every string field has a smaller limit). */
        HUGE_STRING,
        /** A timestamp with nanos out of range or a year after 9999. */
        IMPOSSIBLE_TIME,
        /** A signed number at its minimum, or an unsigned 32-bit number at its maximum. */
        EXTREME_NUMBER,
        /** The request id of a mutating RPC missing. */
        MISSING_REQUEST_ID,
        /** An end time before the start time. */
        TIME_GOING_BACKWARDS
    }

    /** One request to send. */
    public record FuzzCase(
            MethodDescriptor method, DynamicMessage request, Defect defect, String where) {}

    private static final int MAX_DEPTH = 3;

    /** Output-only by AIP convention: servers ignore them in requests, so no defect goes there. */
    private static final Set<String> OUTPUT_ONLY = Set.of("create_time", "update_time");

    private static final Instant NOW = Instant.now();

    private final Random random;

    public FuzzCorpus(long seed) {
        this.random = new Random(seed);
    }

    /**
     * {@code total} cases spread over every method of the services, round after round, each round
     * trying the next defect on every method (a method without a field for it skips that defect).
     */
    public List<FuzzCase> cases(List<ServiceDescriptor> services, int total) {
        List<MethodDescriptor> methods =
                services.stream().flatMap(service -> service.getMethods().stream()).toList();
        Defect[] defects = Defect.values();
        List<FuzzCase> cases = new ArrayList<>();
        for (int round = 0; cases.size() < total; round++) {
            int before = cases.size();
            for (int i = 0; i < methods.size() && cases.size() < total; i++) {
                malformed(methods.get(i), defects[(round + i) % defects.length])
                        .ifPresent(cases::add);
            }
            if (cases.size() == before && round > defects.length) {
                throw new IllegalStateException("no method can carry any defect");
            }
        }
        return cases;
    }

    private Optional<FuzzCase> malformed(MethodDescriptor method, Defect defect) {
        DynamicMessage.Builder request = DynamicMessage.newBuilder(method.getInputType());
        fill(request, 0);
        if (request.getDescriptorForType().findFieldByName("request_id") != null) {
            set(request, "request_id", "fuzz-" + UUID.randomUUID());
        }
        Optional<String> where =
                switch (defect) {
                    case UNKNOWN_ENUM ->
                            defectAt(
                                    request,
                                    f -> f.getType() == FieldDescriptor.Type.ENUM,
                                    (b, f) ->
                                            b.setField(
                                                    f,
                                                    f.getEnumType()
                                                            .findValueByNumberCreatingIfUnknown(
                                                                    9_999)));
                    case HUGE_STRING ->
                            defectAt(
                                    request,
                                    f -> f.getType() == FieldDescriptor.Type.STRING,
                                    (b, f) -> b.setField(f, "x".repeat(100_000)));
                    case IMPOSSIBLE_TIME ->
                            defectAt(
                                    request,
                                    FuzzCorpus::isTimestamp,
                                    (b, f) -> b.setField(f, impossibleTime()));
                    case EXTREME_NUMBER ->
                            defectAt(
                                    request,
                                    FuzzCorpus::isNumber,
                                    (b, f) -> b.setField(f, extreme(f)));
                    case MISSING_REQUEST_ID -> missingRequestId(request);
                    case TIME_GOING_BACKWARDS -> timeGoingBackwards(request);
                };
        return where.map(w -> new FuzzCase(method, request.build(), defect, w));
    }

    /** A random plausible filling of about half the fields, nested messages included. */
    private void fill(DynamicMessage.Builder message, int depth) {
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (random.nextInt(2) == 0
                    || field.getRealContainingOneof() != null && oneofTaken(message, field)) {
                continue;
            }
            if (field.isMapField()) {
                continue;
            }
            if (field.isRepeated()) {
                int count = random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    plausible(message, field, depth)
                            .ifPresent(v -> message.addRepeatedField(field, v));
                }
            } else {
                plausible(message, field, depth).ifPresent(v -> message.setField(field, v));
            }
        }
    }

    private static boolean oneofTaken(DynamicMessage.Builder message, FieldDescriptor field) {
        return message.hasOneof(field.getRealContainingOneof());
    }

    private Optional<Object> plausible(
            DynamicMessage.Builder parent, FieldDescriptor field, int depth) {
        return Optional.ofNullable(
                switch (field.getJavaType()) {
                    case STRING ->
                            random.nextInt(4) == 0
                                    ? ""
                                    : "fz" + Long.toString(random.nextLong() & 0xffffff, 36);
                    case INT -> random.nextInt(200) - 20;
                    case LONG ->
                            field.getName().contains("sdk_app_id")
                                    ? 1_400_000_000L + random.nextInt(1000)
                                    : (long) random.nextInt(5000);
                    case BOOLEAN -> random.nextBoolean();
                    case DOUBLE -> random.nextDouble() * 100;
                    case FLOAT -> random.nextFloat() * 100;
                    case BYTE_STRING -> ByteString.copyFromUtf8("fz");
                    case ENUM -> {
                        EnumDescriptor type = field.getEnumType();
                        yield type.getValues().get(random.nextInt(type.getValues().size()));
                    }
                    case MESSAGE -> {
                        if (isTimestamp(field)) {
                            yield Timestamp.newBuilder()
                                    .setSeconds(NOW.getEpochSecond() - random.nextInt(86_400))
                                    .build();
                        }
                        if (depth >= MAX_DEPTH) {
                            yield null;
                        }
                        DynamicMessage.Builder nested =
                                DynamicMessage.newBuilder(field.getMessageType());
                        fill(nested, depth + 1);
                        yield nested.build();
                    }
                });
    }

    /**
     * Puts a defect on a field the predicate picks, at the top level or inside a singular nested
     * message (made present); the field's path, or empty when the request has no such field.
     */
    private Optional<String> defectAt(
            DynamicMessage.Builder request,
            Predicate<FieldDescriptor> eligible,
            DefectWriter writer) {
        List<List<FieldDescriptor>> paths = new ArrayList<>();
        collect(request.getDescriptorForType(), new ArrayList<>(), eligible, paths, 0);
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        List<FieldDescriptor> path = paths.get(random.nextInt(paths.size()));
        request.setField(path.get(0), apply(request, path, 0, writer));
        return Optional.of(String.join(".", path.stream().map(FieldDescriptor::getName).toList()));
    }

    /** The new value of {@code path.get(index)} inside {@code message} with the defect applied. */
    private Object apply(
            DynamicMessage.Builder message,
            List<FieldDescriptor> path,
            int index,
            DefectWriter writer) {
        FieldDescriptor field = path.get(index);
        if (index == path.size() - 1) {
            DynamicMessage.Builder scratch = message.clone();
            scratch.clearField(field);
            writer.write(scratch, field);
            return scratch.getField(field);
        }
        DynamicMessage.Builder nested =
                message.hasField(field)
                        ? ((DynamicMessage) message.getField(field)).toBuilder()
                        : DynamicMessage.newBuilder(field.getMessageType());
        if (field.getRealContainingOneof() != null) {
            message.clearOneof(field.getRealContainingOneof());
        }
        nested.setField(path.get(index + 1), apply(nested, path, index + 1, writer));
        return nested.build();
    }

    private static void collect(
            Descriptor type,
            List<FieldDescriptor> prefix,
            Predicate<FieldDescriptor> eligible,
            List<List<FieldDescriptor>> paths,
            int depth) {
        for (FieldDescriptor field : type.getFields()) {
            if (field.isRepeated() || field.isMapField() || OUTPUT_ONLY.contains(field.getName())) {
                continue;
            }
            List<FieldDescriptor> path = new ArrayList<>(prefix);
            path.add(field);
            if (eligible.test(field)) {
                paths.add(path);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && !isTimestamp(field)
                    && !field.getMessageType().getFullName().startsWith("google.protobuf")
                    && depth < MAX_DEPTH) {
                collect(field.getMessageType(), path, eligible, paths, depth + 1);
            }
        }
    }

    private Optional<String> missingRequestId(DynamicMessage.Builder request) {
        FieldDescriptor requestId = request.getDescriptorForType().findFieldByName("request_id");
        if (requestId == null) {
            return Optional.empty();
        }
        request.clearField(requestId);
        return Optional.of("request_id");
    }

    /** start_time after end_time in the first message (top level or one down) that has both. */
    private Optional<String> timeGoingBackwards(DynamicMessage.Builder request) {
        if (backwards(request)) {
            return Optional.of("start_time/end_time");
        }
        for (FieldDescriptor field : request.getDescriptorForType().getFields()) {
            if (!field.isRepeated()
                    && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && field.getMessageType().findFieldByName("start_time") != null
                    && field.getMessageType().findFieldByName("end_time") != null) {
                DynamicMessage.Builder nested = DynamicMessage.newBuilder(field.getMessageType());
                fill(nested, 1);
                backwards(nested);
                if (field.getRealContainingOneof() != null) {
                    request.clearOneof(field.getRealContainingOneof());
                }
                request.setField(field, nested.build());
                return Optional.of(field.getName() + ".start_time/end_time");
            }
        }
        return Optional.empty();
    }

    private boolean backwards(DynamicMessage.Builder message) {
        FieldDescriptor start = message.getDescriptorForType().findFieldByName("start_time");
        FieldDescriptor end = message.getDescriptorForType().findFieldByName("end_time");
        if (start == null || end == null || !isTimestamp(start) || !isTimestamp(end)) {
            return false;
        }
        long later = NOW.getEpochSecond() - 3_600;
        message.setField(start, Timestamp.newBuilder().setSeconds(later).build());
        message.setField(
                end, Timestamp.newBuilder().setSeconds(later - 1 - random.nextInt(3_600)).build());
        return true;
    }

    private Timestamp impossibleTime() {
        return random.nextBoolean()
                ? Timestamp.newBuilder()
                        .setSeconds(NOW.getEpochSecond())
                        .setNanos(1_500_000_000)
                        .build()
                : Timestamp.newBuilder()
                        .setSeconds(253_402_300_800L + random.nextInt(1_000_000))
                        .build();
    }

    private static Object extreme(FieldDescriptor field) {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> Integer.MIN_VALUE;
            case INT64, SINT64, SFIXED64 -> Long.MIN_VALUE;
            case UINT32, FIXED32 -> -1; // 4,294,967,295: above every 32-bit range in the contracts
            default -> throw new IllegalArgumentException(field.getFullName());
        };
    }

    private static boolean isNumber(FieldDescriptor field) {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32, INT64, SINT64, SFIXED64, UINT32, FIXED32 ->
                    !field.getContainingType().getFullName().startsWith("google.");
            default -> false;
        };
    }

    private static boolean isTimestamp(FieldDescriptor field) {
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && field.getMessageType().getFullName().equals("google.protobuf.Timestamp");
    }

    private static void set(DynamicMessage.Builder message, String field, Object value) {
        message.setField(message.getDescriptorForType().findFieldByName(field), value);
    }

    @FunctionalInterface
    private interface DefectWriter {
        void write(DynamicMessage.Builder message, FieldDescriptor field);
    }
}
