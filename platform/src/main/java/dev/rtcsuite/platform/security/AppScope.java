package dev.rtcsuite.platform.security;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-app isolation (SPEC X-5): a request from a caller bound to an app may name only that app. A
 * request whose type has an {@code sdk_app_id} (at any depth: batches name it per record) must name
 * the caller's app there; a request type without one holds no tenant's data (a layout preview, a
 * price estimate). No request may address an account ({@code account_id}), whose other apps the
 * caller has no claim to.
 */
final class AppScope {

    static final String SDK_APP_ID = "sdk_app_id";
    static final String ACCOUNT_ID = "account_id";

    private AppScope() {}

    /** Empty when the request stays inside {@code sdkAppId}; else why it does not. */
    static Optional<String> violation(Message request, long sdkAppId) {
        Scan scan = new Scan(sdkAppId);
        scan.visit(request);
        if (scan.violation.isEmpty()
                && !scan.namesApp
                && mentionsApp(request.getDescriptorForType())) {
            return Optional.of("a caller bound to app " + sdkAppId + " must name it in sdk_app_id");
        }
        return scan.violation;
    }

    private static final Map<Descriptor, Boolean> MENTIONS_APP = new ConcurrentHashMap<>();

    /** Whether the message type has an sdk_app_id field, itself or in a message it holds. */
    static boolean mentionsApp(Descriptor type) {
        Boolean known = MENTIONS_APP.get(type);
        if (known == null) {
            known = mentionsApp(type, new HashSet<>());
            MENTIONS_APP.put(type, known);
        }
        return known;
    }

    private static boolean mentionsApp(Descriptor type, Set<Descriptor> seen) {
        if (!seen.add(type)) {
            return false;
        }
        for (FieldDescriptor field : type.getFields()) {
            if (field.getName().equals(SDK_APP_ID)
                    || (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                            && mentionsApp(field.getMessageType(), seen))) {
                return true;
            }
        }
        return false;
    }

    private static final class Scan {
        private final long sdkAppId;
        private boolean namesApp;
        private Optional<String> violation = Optional.empty();

        Scan(long sdkAppId) {
            this.sdkAppId = sdkAppId;
        }

        void visit(Message message) {
            for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
                if (violation.isPresent()) {
                    return;
                }
                FieldDescriptor descriptor = field.getKey();
                if (descriptor.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    values(descriptor, field.getValue()).forEach(v -> visit((Message) v));
                } else if (descriptor.getName().equals(SDK_APP_ID)) {
                    namesApp = true;
                    values(descriptor, field.getValue()).stream()
                            .filter(app -> ((Number) app).longValue() != sdkAppId)
                            .findFirst()
                            .ifPresent(
                                    app ->
                                            violation =
                                                    Optional.of(
                                                            "sdk_app_id "
                                                                    + app
                                                                    + " is not the caller's app "
                                                                    + sdkAppId));
                } else if (descriptor.getName().equals(ACCOUNT_ID)) {
                    violation =
                            Optional.of(
                                    "a caller bound to app "
                                            + sdkAppId
                                            + " may not address an account; name the app in"
                                            + " sdk_app_id");
                }
            }
        }

        private static List<?> values(FieldDescriptor descriptor, Object value) {
            return descriptor.isRepeated() ? (List<?>) value : List.of(value);
        }
    }
}
