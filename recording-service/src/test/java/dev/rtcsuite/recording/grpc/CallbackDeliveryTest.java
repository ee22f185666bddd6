package dev.rtcsuite.recording.grpc;

import static dev.rtcsuite.recording.testing.Recording.newApp;
import static dev.rtcsuite.recording.testing.Recording.newRoom;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.client.UsageReporter;
import dev.rtcsuite.recording.domain.callback.CallbackSignature;
import dev.rtcsuite.recording.testing.CallbackReceiver;
import dev.rtcsuite.recording.testing.CallbackReceiver.Received;
import dev.rtcsuite.recording.testing.Recording;
import dev.rtcsuite.recording.testing.TestClock;
import dev.rtcsuite.recording.v1.CallbackDelivery;
import dev.rtcsuite.recording.v1.CallbackDeliveryState;
import dev.rtcsuite.recording.v1.CallbackEventType;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.ListCallbackDeliveriesRequest;
import dev.rtcsuite.recording.v1.MediaFile;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.RedeliverCallbackRequest;
import dev.rtcsuite.recording.v1.TestCallbackEndpointRequest;
import dev.rtcsuite.recording.v1.TestCallbackEndpointResponse;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC C-6 with a real HTTP receiver: at-least-once delivery through the outbox, retries with
 * back-off, the same event id on every attempt, HMAC-SHA256 signatures, dead letters and manual
 * redelivery, and refused loopback targets.
 */
@QuarkusTest
class CallbackDeliveryTest {

    private static final String KEY = "callback-signing-key-0123";

    @GrpcClient RecordingServiceBlockingStub stub;
    @Inject TestClock clock;
    @Inject JobRunner jobs;
    @InjectMock AppDirectory apps;
    @InjectMock UsageReporter reporter;

    private Recording recording;
    private CallbackReceiver receiver;
    private final long app = newApp();
    private final int room = newRoom();

    @BeforeEach
    void setUp() {
        Standing.everyAppInService(apps);
        recording = new Recording(stub, clock);
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private void callbacksTo(String url) {
        stub.updateRecordingConfig(
                UpdateRecordingConfigRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setConfig(
                                RecordingConfig.newBuilder().setSdkAppId(app).setCallbackUrl(url))
                        .setCallbackSigningKey(KEY)
                        .setUpdateMask(
                                FieldMask.newBuilder()
                                        .addPaths("callback_url")
                                        .addPaths("callback_signing_key"))
                        .build());
    }

    /** A stored file of alice's, announced through the outbox. */
    private MediaFile recordAlice() {
        recording.publish(app, room, "alice", "class42");
        String taskId = recording.onlyTask(app).getTaskId();
        Instant start = clock.instant();
        recording.recorder(taskId, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        clock.advance(Duration.ofMinutes(1));
        recording.unpublish(app, room, "alice");
        return recording
                .uploaded(taskId, 0, FileFormat.FILE_FORMAT_HLS, start, clock.instant())
                .getFile();
    }

    private void runJobsFor(Duration span, Duration step) {
        Instant until = clock.instant().plus(span);
        while (clock.instant().isBefore(until)) {
            jobs.runDue(clock.instant(), 100);
            clock.advance(step);
        }
        jobs.runDue(clock.instant(), 100);
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventExactlyOnceMoreWithTheSameEventId() {
        receiver = new CallbackReceiver(0);
        callbacksTo(receiver.url());
        MediaFile file = recordAlice();
        receiver.failNext(1_000);
        jobs.runDue(clock.instant(), 100);
        // three failed attempts of every event, spread by the back-off (5 s, 10 s, …, with jitter)
        while (receiver.ofType(100).size() < 3) {
            clock.advance(Duration.ofSeconds(5));
            jobs.runDue(clock.instant(), 100);
        }
        receiver.failNext(0);
        runJobsFor(Duration.ofMinutes(10), Duration.ofSeconds(5));

        List<Received> fileEvents = receiver.ofType(100);
        assertThat(fileEvents).hasSize(4);
        assertThat(fileEvents).extracting(Received::status).containsExactly(500, 500, 500, 200);
        String eventId = fileEvents.getFirst().eventIdHeader();
        assertThat(fileEvents)
                .allSatisfy(
                        r -> {
                            assertThat(r.eventIdHeader()).isEqualTo(eventId);
                            assertThat(r.json().path("event_id").asText()).isEqualTo(eventId);
                            assertThat(r.signature())
                                    .isEqualTo(
                                            CallbackSignature.sign(
                                                    KEY, Long.parseLong(r.timestamp()), r.body()));
                        });
        var body = fileEvents.getLast().json();
        assertThat(body.path("event_type").asInt()).isEqualTo(100);
        assertThat(body.path("stream_id").asText()).isEqualTo(file.getStreamId());
        assertThat(body.path("stream_param").path("userid").asText())
                .isEqualTo(
                        Base64.getEncoder()
                                .encodeToString("alice".getBytes(StandardCharsets.UTF_8)));
        assertThat(body.path("stream_param").path("userdefinerecordid").asText())
                .isEqualTo("class42");
        assertThat(body.path("video_url").asText()).isEqualTo(file.getPlaybackUrl());
        assertThat(body.path("file_id").asText()).isEqualTo(file.getFileId());
        assertThat(body.path("file_format").asText()).isEqualTo("hls");
        assertThat(body.path("duration").asLong()).isEqualTo(60);
        assertThat(body.path("sdkappid").asLong()).isEqualTo(app);
        assertThat(body.path("roomid").asText()).isEqualTo(Integer.toString(room));
        // lifecycle events went through the same outbox
        assertThat(receiver.ofType(301)).extracting(Received::status).last().isEqualTo(200);
        assertThat(receiver.ofType(302)).extracting(Received::status).last().isEqualTo(200);

        CallbackDelivery delivery =
                deliveries(CallbackEventType.CALLBACK_EVENT_TYPE_FILE_GENERATED).getFirst();
        assertThat(delivery.getState())
                .isEqualTo(CallbackDeliveryState.CALLBACK_DELIVERY_STATE_DELIVERED);
        assertThat(delivery.getAttemptCount()).isEqualTo(4);
        assertThat(delivery.getEventId()).isEqualTo(eventId);
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsDeadUntilRedelivered() {
        receiver = new CallbackReceiver(1_000);
        callbacksTo(receiver.url());
        recordAlice();
        runJobsFor(Duration.ofHours(1), Duration.ofSeconds(30));
        CallbackDelivery dead =
                deliveries(CallbackEventType.CALLBACK_EVENT_TYPE_FILE_GENERATED).getFirst();
        assertThat(dead.getState())
                .isEqualTo(CallbackDeliveryState.CALLBACK_DELIVERY_STATE_DEAD_LETTER);
        assertThat(dead.getAttemptCount()).isEqualTo(8);
        assertThat(dead.getLastHttpStatus()).isEqualTo(500);
        int before = receiver.ofType(100).size();
        runJobsFor(Duration.ofHours(1), Duration.ofMinutes(5));
        assertThat(receiver.ofType(100)).hasSize(before);

        receiver.failNext(0);
        CallbackDelivery queued =
                stub.redeliverCallback(
                                RedeliverCallbackRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setDeliveryId(dead.getDeliveryId())
                                        .setSdkAppId(app)
                                        .build())
                        .getDelivery();
        assertThat(queued.getState())
                .isEqualTo(CallbackDeliveryState.CALLBACK_DELIVERY_STATE_PENDING);
        assertThat(queued.getAttemptCount()).isZero();
        jobs.runDue(clock.instant(), 100);

        assertThat(receiver.ofType(100)).hasSize(before + 1);
        assertThat(receiver.ofType(100).getLast().eventIdHeader()).isEqualTo(dead.getEventId());
        assertThat(
                        deliveries(CallbackEventType.CALLBACK_EVENT_TYPE_FILE_GENERATED)
                                .getFirst()
                                .getState())
                .isEqualTo(CallbackDeliveryState.CALLBACK_DELIVERY_STATE_DELIVERED);
    }

    @Test
    void loopbackTargetsAreRefusedUnlessAllowed() {
        // the test profile allows 127.0.0.1/32 only; 127.0.0.2 is loopback too
        RpcError config = RpcError.of(() -> callbacksTo("http://127.0.0.2:9/hook"));
        assertThat(config.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(config.reason()).isEqualTo("CALLBACK_URL_NOT_ALLOWED");
        RpcError test = RpcError.of(() -> testEndpoint("http://127.0.0.2:9/hook"));
        assertThat(test.reason()).isEqualTo("CALLBACK_URL_NOT_ALLOWED");

        receiver = new CallbackReceiver(0);
        TestCallbackEndpointResponse ok = testEndpoint(receiver.url());
        assertThat(ok.getSuccess()).isTrue();
        assertThat(ok.getHttpStatus()).isEqualTo(200);
        assertThat(receiver.ofType(900))
                .singleElement()
                .satisfies(r -> assertThat(r.eventIdHeader()).isEqualTo(ok.getEventId()));
    }

    private TestCallbackEndpointResponse testEndpoint(String url) {
        return stub.testCallbackEndpoint(
                TestCallbackEndpointRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setSdkAppId(app)
                        .setUrl(url)
                        .build());
    }

    private List<CallbackDelivery> deliveries(CallbackEventType type) {
        return stub.listCallbackDeliveries(
                        ListCallbackDeliveriesRequest.newBuilder()
                                .setSdkAppId(app)
                                .addEventTypes(type)
                                .build())
                .getDeliveriesList();
    }
}
