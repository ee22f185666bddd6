package dev.rtcsuite.platform.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.rtcsuite.platform.error.FieldViolation;
import dev.rtcsuite.platform.error.ServiceException;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses any request carrying a Timestamp that protobuf does not define (nanos outside
 * 0–999,999,999, a year outside 1–9999), at any depth, naming each such field: java.time would
 * silently normalise or accept them, so no service could tell such a time from a real one.
 */
@GlobalInterceptor
@ApplicationScoped
public class TimestampGuard implements ServerInterceptor, Prioritized {

    private static final Map<Descriptor, List<FieldDescriptor>> TIMESTAMP_PATHS =
            new ConcurrentHashMap<>();

    private final GrpcErrors errors;

    public TimestampGuard(@ConfigProperty(name = "rtcsuite.error-domain") String errorDomain) {
        this.errors = new GrpcErrors(errorDomain);
    }

    @Override
    public int getPriority() {
        // After authentication and authorisation (AccessInterceptor runs first).
        return Integer.MAX_VALUE - 10;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return new GuardedListener<>(
                next.startCall(call, headers), call, errors, TimestampGuard::check);
    }

    static Optional<ServiceException> check(Message request) {
        List<FieldViolation> violations = new ArrayList<>();
        visit(request, null, violations);
        return violations.isEmpty()
                ? Optional.empty()
                : Optional.of(ServiceException.invalid(violations));
    }

    /**
     * Walks only the fields that can lead to a Timestamp, through the message's accessors (no map
     * of all its fields per message: a batch of thousands of records is checked on every call).
     */
    private static void visit(Message message, Path path, List<FieldViolation> violations) {
        if (isTimestamp(message.getDescriptorForType())) {
            if (!ProtoTime.isValid(asTimestamp(message))) {
                violations.add(new FieldViolation(Path.text(path), ProtoTime.VALID_RANGE));
            }
            return;
        }
        for (FieldDescriptor field : timestampPaths(message.getDescriptorForType())) {
            if (field.isRepeated()) {
                int count = message.getRepeatedFieldCount(field);
                for (int i = 0; i < count; i++) {
                    visit(
                            (Message) message.getRepeatedField(field, i),
                            new Path(path, field.getName(), i),
                            violations);
                }
            } else if (message.hasField(field)) {
                visit(
                        (Message) message.getField(field),
                        new Path(path, field.getName(), -1),
                        violations);
            }
        }
    }

    /** Where a message sits in the request; spelled out only for a violation. */
    private record Path(Path parent, String field, int index) {
        static String text(Path path) {
            if (path == null) {
                return "";
            }
            String parent = text(path.parent);
            return (parent.isEmpty() ? "" : parent + ".")
                    + path.field
                    + (path.index < 0 ? "" : "[" + path.index + "]");
        }
    }

    private static boolean isTimestamp(Descriptor type) {
        return type == Timestamp.getDescriptor()
                || type.getFullName().equals(Timestamp.getDescriptor().getFullName());
    }

    private static Timestamp asTimestamp(Message message) {
        if (message instanceof Timestamp timestamp) {
            return timestamp;
        }
        Timestamp.Builder copy = Timestamp.newBuilder();
        message.getAllFields()
                .forEach(
                        (field, value) ->
                                copy.setField(
                                        Timestamp.getDescriptor()
                                                .findFieldByNumber(field.getNumber()),
                                        value));
        return copy.build();
    }

    /** The type's message fields (maps aside) that are or hold a Timestamp; known per type once. */
    private static List<FieldDescriptor> timestampPaths(Descriptor type) {
        return TIMESTAMP_PATHS.computeIfAbsent(
                type,
                t ->
                        t.getFields().stream()
                                .filter(
                                        f ->
                                                f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                                                        && !f.isMapField()
                                                        && holdsTimestamps(
                                                                f.getMessageType(),
                                                                new HashSet<>()))
                                .toList());
    }

    private static boolean holdsTimestamps(Descriptor type, Set<Descriptor> seen) {
        if (isTimestamp(type)) {
            return true;
        }
        if (!seen.add(type)) {
            return false;
        }
        return type.getFields().stream()
                .anyMatch(
                        f ->
                                f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                                        && !f.isMapField()
                                        && holdsTimestamps(f.getMessageType(), seen));
    }
}
