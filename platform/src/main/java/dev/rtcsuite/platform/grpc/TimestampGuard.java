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

    private static final Map<Descriptor, Boolean> HOLDS_TIMESTAMPS = new ConcurrentHashMap<>();

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
        visit(request, "", violations);
        return violations.isEmpty()
                ? Optional.empty()
                : Optional.of(ServiceException.invalid(violations));
    }

    private static void visit(Message message, String path, List<FieldViolation> violations) {
        if (isTimestamp(message.getDescriptorForType())) {
            if (!ProtoTime.isValid(asTimestamp(message))) {
                violations.add(new FieldViolation(path, ProtoTime.VALID_RANGE));
            }
            return;
        }
        if (!holdsTimestamps(message.getDescriptorForType())) {
            return;
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            if (descriptor.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                    || descriptor.isMapField()) {
                continue;
            }
            String at = path.isEmpty() ? descriptor.getName() : path + "." + descriptor.getName();
            if (descriptor.isRepeated()) {
                List<?> values = (List<?>) field.getValue();
                for (int i = 0; i < values.size(); i++) {
                    visit((Message) values.get(i), at + "[" + i + "]", violations);
                }
            } else {
                visit((Message) field.getValue(), at, violations);
            }
        }
    }

    private static boolean isTimestamp(Descriptor type) {
        return type.getFullName().equals(Timestamp.getDescriptor().getFullName());
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

    /** Whether the type is or holds a Timestamp at any depth; known per type once. */
    private static boolean holdsTimestamps(Descriptor type) {
        return HOLDS_TIMESTAMPS.computeIfAbsent(type, t -> holdsTimestamps(t, new HashSet<>()));
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
