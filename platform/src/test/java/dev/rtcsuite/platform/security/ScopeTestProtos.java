package dev.rtcsuite.platform.security;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.List;

/**
 * Request types built in code (protos live only in proto/): an app-scoped request, a batch whose
 * records name their app, and a request that holds no tenant's data.
 */
final class ScopeTestProtos {

    static final Descriptor RECORD;
    static final Descriptor BATCH;
    static final Descriptor APP_REQUEST;
    static final Descriptor FREE_REQUEST;

    static {
        FileDescriptorProto file =
                FileDescriptorProto.newBuilder()
                        .setName("scope_test.proto")
                        .setPackage("scopetest")
                        .setSyntax("proto3")
                        .addMessageType(
                                message(
                                        "Record",
                                        field("sdk_app_id", 1, Type.TYPE_INT64),
                                        field("key", 2, Type.TYPE_STRING)))
                        .addMessageType(
                                message(
                                        "Batch",
                                        field("records", 1, Type.TYPE_MESSAGE).toBuilder()
                                                .setLabel(Label.LABEL_REPEATED)
                                                .setTypeName(".scopetest.Record")
                                                .build()))
                        .addMessageType(
                                message(
                                        "AppRequest",
                                        field("sdk_app_id", 1, Type.TYPE_INT64),
                                        field("account_id", 2, Type.TYPE_STRING)))
                        .addMessageType(message("FreeRequest", field("width", 1, Type.TYPE_INT32)))
                        .build();
        try {
            FileDescriptor built = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
            RECORD = built.findMessageTypeByName("Record");
            BATCH = built.findMessageTypeByName("Batch");
            APP_REQUEST = built.findMessageTypeByName("AppRequest");
            FREE_REQUEST = built.findMessageTypeByName("FreeRequest");
        } catch (DescriptorValidationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ScopeTestProtos() {}

    static DynamicMessage appRequest(long sdkAppId, String accountId) {
        DynamicMessage.Builder request = DynamicMessage.newBuilder(APP_REQUEST);
        if (sdkAppId != 0) {
            request.setField(APP_REQUEST.findFieldByName("sdk_app_id"), sdkAppId);
        }
        if (!accountId.isEmpty()) {
            request.setField(APP_REQUEST.findFieldByName("account_id"), accountId);
        }
        return request.build();
    }

    static DynamicMessage batch(List<Long> apps) {
        DynamicMessage.Builder batch = DynamicMessage.newBuilder(BATCH);
        for (long app : apps) {
            batch.addRepeatedField(
                    BATCH.findFieldByName("records"),
                    DynamicMessage.newBuilder(RECORD)
                            .setField(RECORD.findFieldByName("sdk_app_id"), app)
                            .setField(RECORD.findFieldByName("key"), "k" + app)
                            .build());
        }
        return batch.build();
    }

    static DynamicMessage free(int width) {
        return DynamicMessage.newBuilder(FREE_REQUEST)
                .setField(FREE_REQUEST.findFieldByName("width"), width)
                .build();
    }

    private static DescriptorProto message(String name, FieldDescriptorProto... fields) {
        return DescriptorProto.newBuilder().setName(name).addAllField(List.of(fields)).build();
    }

    private static FieldDescriptorProto field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder()
                .setName(name)
                .setNumber(number)
                .setType(type)
                .setLabel(Label.LABEL_OPTIONAL)
                .build();
    }
}
