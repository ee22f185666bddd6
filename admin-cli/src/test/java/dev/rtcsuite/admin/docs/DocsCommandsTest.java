package dev.rtcsuite.admin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.rtcsuite.mixing.v1.MixingServiceProto;
import dev.rtcsuite.packages.v1.PackagesServiceProto;
import dev.rtcsuite.rating.v1.RatingServiceProto;
import dev.rtcsuite.recording.v1.RecordingServiceProto;
import io.grpc.health.v1.HealthProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/admin.md's `buf curl` one-liners name real methods and send bodies that parse into their
 * request types (exact field names, real enum values), as the server's reflection would take them.
 */
class DocsCommandsTest {

    private static final Pattern CALL =
            Pattern.compile("-d '(\\{.*})' \\$(REC|MIX|RAT|PKG)/([\\w.]+)/(\\w+)");

    private static final Map<String, String> PORT_OF_SERVICE =
            Map.of(
                    "rtcsuite.recording.v1.RecordingService", "REC",
                    "rtcsuite.mixing.v1.MixingService", "MIX",
                    "rtcsuite.rating.v1.RatingService", "RAT",
                    "rtcsuite.packages.v1.PackagesService", "PKG");

    private static final List<FileDescriptor> PROTOS =
            List.of(
                    RecordingServiceProto.getDescriptor(),
                    MixingServiceProto.getDescriptor(),
                    RatingServiceProto.getDescriptor(),
                    PackagesServiceProto.getDescriptor(),
                    HealthProto.getDescriptor());

    record Call(String body, String variable, String service, String method) {}

    @Test
    void everyBodyParsesIntoItsMethodsRequestType() throws Exception {
        List<Call> calls = calls();

        for (Call call : calls) {
            MethodDescriptor method = method(call.service(), call.method());
            DynamicMessage.Builder request = DynamicMessage.newBuilder(method.getInputType());
            try {
                JsonFormat.parser().merge(call.body(), request);
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(call.method() + ": " + e.getMessage(), e);
            }
            assertThat(request.getAllFields()).as(call.method()).isNotEmpty();
            if (PORT_OF_SERVICE.containsKey(call.service())) {
                assertThat(call.variable())
                        .as(call.method() + " goes to its service's port")
                        .isEqualTo(PORT_OF_SERVICE.get(call.service()));
            }
        }
    }

    @Test
    void theDocsCoverTheOperatorsTasks() throws Exception {
        assertThat(calls())
                .extracting(Call::method)
                .contains(
                        "CreateAccount",
                        "CreateApp",
                        "GetRecordingConfig",
                        "UpdateRecordingConfig",
                        "ListRecordingTasks",
                        "SearchMediaFiles",
                        "DeleteMediaFile",
                        "StartMCUMixTranscode",
                        "StopMCUMixTranscode",
                        "PreviewLayout",
                        "QueryUsage",
                        "GetDailyBill",
                        "PurchasePackage",
                        "ListPackages",
                        "RequestRefund",
                        "ListRefunds",
                        "ApproveRefund",
                        "RejectRefund",
                        "TopUp",
                        "SettleDay",
                        "GetServiceStatus",
                        "Check");
    }

    @Test
    void everyChangingCallCarriesItsOwnRequestId() throws Exception {
        List<String> requestIds = new ArrayList<>();
        for (Call call : calls()) {
            if (method(call.service(), call.method()).getInputType().findFieldByName("request_id")
                    != null) {
                Matcher id = Pattern.compile("\"requestId\":\"([^\"]+)\"").matcher(call.body());
                assertThat(id.find()).as(call.method() + " sends a requestId").isTrue();
                requestIds.add(id.group(1));
            }
        }
        assertThat(requestIds).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(9);
    }

    private static List<Call> calls() throws IOException {
        List<Call> calls = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "admin.md"))) {
            Matcher call = CALL.matcher(line);
            if (call.find()) {
                calls.add(new Call(call.group(1), call.group(2), call.group(3), call.group(4)));
            }
        }
        return calls;
    }

    private static MethodDescriptor method(String service, String method) {
        for (FileDescriptor file : PROTOS) {
            for (ServiceDescriptor candidate : file.getServices()) {
                if (candidate.getFullName().equals(service)) {
                    MethodDescriptor found = candidate.findMethodByName(method);
                    assertThat(found).as(service + "/" + method).isNotNull();
                    return found;
                }
            }
        }
        throw new AssertionError("no service " + service + " in the v1 protos");
    }
}
