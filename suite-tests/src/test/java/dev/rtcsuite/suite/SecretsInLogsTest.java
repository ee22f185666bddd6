package dev.rtcsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import com.google.rpc.BadRequest;
import com.sun.net.httpserver.HttpServer;
import dev.rtcsuite.mixing.v1.ListMixSessionsRequest;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc;
import dev.rtcsuite.packages.v1.App;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.rating.v1.ListPriceBooksRequest;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.recording.v1.GetRecordingConfigRequest;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.TestCallbackEndpointRequest;
import dev.rtcsuite.recording.v1.TestCallbackEndpointResponse;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import dev.rtcsuite.suite.flows.RecordingFlow;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Secrets never leave the process in logs or error messages (issue #9): the callback signing key,
 * access tokens (valid and forged) and the services' private keys. The services run as production
 * runs them; the test makes them log and refuse as much as it can around those secrets — a rejected
 * signing key, forged tokens, signed test callbacks to a failing receiver — and then reads every
 * service's log and every error it received.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsInLogsTest {

    private RunningSuite suite;
    private HttpServer failingReceiver;
    private final List<String> errorsSeen = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        // Only this run's logs: the services append to them.
        Path logs = Path.of("target", "secrets-logs");
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        suite = RunningSuite.start("secrets");
        failingReceiver =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failingReceiver.createContext(
                "/callbacks",
                exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(500, -1);
                    exchange.close();
                });
        failingReceiver.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (failingReceiver != null) {
            failingReceiver.stop(0);
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void signingKeysTokensAndPrivateKeysAppearInNoLogAndNoError() throws Exception {
        App app =
                RecordingFlow.newApp(
                        PackagesServiceGrpc.newBlockingStub(suite.channel("package")),
                        "secrets-account",
                        "secrets-app");
        RecordingServiceBlockingStub recording =
                RecordingServiceGrpc.newBlockingStub(suite.channel("recording"));
        String callbackUrl =
                "http://127.0.0.1:" + failingReceiver.getAddress().getPort() + "/callbacks";

        String tooShortKey = "Sk" + UUID.randomUUID().toString().substring(0, 8);
        StatusRuntimeException refusedKey =
                catchThrowableOfType(
                        StatusRuntimeException.class,
                        () -> recording.updateRecordingConfig(configWithKey(app, tooShortKey)));
        assertThat(refusedKey.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(fieldsOf(refusedKey)).contains("callback_signing_key");
        record(refusedKey);

        String signingKey = "callback-signing-key-" + UUID.randomUUID();
        recording.updateRecordingConfig(
                configWithKey(app, signingKey).toBuilder()
                        .setConfig(
                                configWithKey(app, signingKey).getConfig().toBuilder()
                                        .setCallbackUrl(callbackUrl))
                        .setUpdateMask(
                                FieldMask.newBuilder()
                                        .addPaths("callback_signing_key")
                                        .addPaths("callback_url"))
                        .build());
        RecordingConfig stored =
                recording
                        .getRecordingConfig(
                                GetRecordingConfigRequest.newBuilder()
                                        .setSdkAppId(app.getSdkAppId())
                                        .build())
                        .getConfig();
        assertThat(stored.getCallbackKeySet()).isTrue();
        assertThat(stored.toString()).doesNotContain(signingKey);

        for (int attempt = 0; attempt < 3; attempt++) {
            TestCallbackEndpointResponse test =
                    recording.testCallbackEndpoint(
                            TestCallbackEndpointRequest.newBuilder()
                                    .setRequestId(UUID.randomUUID().toString())
                                    .setSdkAppId(app.getSdkAppId())
                                    .build());
            assertThat(test.getSuccess()).isFalse();
            assertThat(test.getHttpStatus()).isEqualTo(500);
            assertThat(test.toString()).doesNotContain(signingKey);
        }

        String forgedToken = forgedToken(suite.credentials.token("admin"));
        for (String area : RunningSuite.AREAS) {
            record(refusedWithToken(area, forgedToken));
            record(refusedWithToken(area, "not-a-token-" + UUID.randomUUID()));
        }

        Map<String, String> secrets = new TreeMap<>();
        secrets.put("callback signing key", signingKey);
        secrets.put("refused signing key", tooShortKey);
        secrets.put("forged token", forgedToken);
        for (String who : List.of("admin", "media", "recording", "mixing", "rating", "package")) {
            secrets.put(who + " token", suite.credentials.token(who));
        }
        secrets.putAll(privateKeyLines(suite.credentials.dir()));

        Map<String, String> logs = new TreeMap<>();
        for (ServiceProcess service : suite.services.values()) {
            logs.put(service.name, service.logText());
        }
        // The logs are not silent about what happened around the secrets; they just omit them.
        logs.forEach(
                (service, log) ->
                        assertThat(log)
                                .as("the %s log", service)
                                .contains("refused rtcsuite.")
                                .contains("UNAUTHENTICATED, bad signature")
                                .doesNotContain("NullPointerException"));
        secrets.forEach(
                (what, secret) -> {
                    logs.forEach(
                            (service, log) ->
                                    assertThat(log)
                                            .as("%s in the %s log", what, service)
                                            .doesNotContain(secret));
                    errorsSeen.forEach(
                            error ->
                                    assertThat(error)
                                            .as("%s in an error answered", what)
                                            .doesNotContain(secret));
                });
    }

    private static UpdateRecordingConfigRequest configWithKey(App app, String key) {
        return UpdateRecordingConfigRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setConfig(RecordingConfig.newBuilder().setSdkAppId(app.getSdkAppId()))
                .setCallbackSigningKey(key)
                .setUpdateMask(FieldMask.newBuilder().addPaths("callback_signing_key"))
                .build();
    }

    private StatusRuntimeException refusedWithToken(String area, String token)
            throws InterruptedException {
        ManagedChannel channel =
                suite.credentials.channelWithToken(suite.service(area).port, token);
        try {
            StatusRuntimeException refused =
                    catchThrowableOfType(
                            StatusRuntimeException.class, () -> callOneRpc(area, channel));
            assertThat(refused.getStatus().getCode())
                    .as("a bad token at %s", area)
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
            return refused;
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** One read of {@code area}'s own API, about an app that need not exist. */
    private static void callOneRpc(String area, ManagedChannel channel) {
        long app = 1_400_000_001L;
        switch (area) {
            case "package" ->
                    PackagesServiceGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(10, TimeUnit.SECONDS)
                            .getServiceStatus(
                                    GetServiceStatusRequest.newBuilder().setSdkAppId(app).build());
            case "recording" ->
                    RecordingServiceGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(10, TimeUnit.SECONDS)
                            .getRecordingConfig(
                                    GetRecordingConfigRequest.newBuilder()
                                            .setSdkAppId(app)
                                            .build());
            case "mixing" ->
                    MixingServiceGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(10, TimeUnit.SECONDS)
                            .listMixSessions(
                                    ListMixSessionsRequest.newBuilder().setSdkAppId(app).build());
            case "rating" ->
                    RatingServiceGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(10, TimeUnit.SECONDS)
                            .listPriceBooks(ListPriceBooksRequest.getDefaultInstance());
            default -> throw new IllegalArgumentException(area);
        }
    }

    /** The admin token with its signature's last characters changed: well formed, not valid. */
    private static String forgedToken(String token) {
        String tail = token.substring(token.length() - 6);
        String changed = new StringBuilder(tail).reverse().toString();
        return token.substring(0, token.length() - 6) + (changed.equals(tail) ? "AAAAAA" : changed);
    }

    private void record(StatusRuntimeException error) {
        errorsSeen.add(error.getStatus() + " " + StatusProto.fromThrowable(error));
    }

    private static List<String> fieldsOf(StatusRuntimeException error) throws IOException {
        com.google.rpc.Status status = StatusProto.fromThrowable(error);
        List<String> fields = new ArrayList<>();
        for (com.google.protobuf.Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                detail.unpack(BadRequest.class)
                        .getFieldViolationsList()
                        .forEach(v -> fields.add(v.getField()));
            }
        }
        return fields;
    }

    /** Every line of every private key's base64 body in the credentials, by file and line. */
    private static Map<String, String> privateKeyLines(Path credentials) throws IOException {
        Map<String, String> lines = new TreeMap<>();
        try (var keys = Files.list(credentials)) {
            for (Path key : keys.filter(k -> k.toString().endsWith(".key")).toList()) {
                List<String> body =
                        Files.readAllLines(key).stream()
                                .filter(line -> !line.isBlank() && !line.startsWith("-----"))
                                .toList();
                for (int i = 0; i < body.size(); i++) {
                    lines.put(key.getFileName() + " line " + (i + 1), body.get(i));
                }
            }
        }
        assertThat(lines).as("private keys in %s", credentials).isNotEmpty();
        return lines;
    }
}
