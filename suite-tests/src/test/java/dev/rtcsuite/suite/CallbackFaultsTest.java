package dev.rtcsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.recording.v1.CallbackDelivery;
import dev.rtcsuite.recording.v1.CallbackDeliveryState;
import dev.rtcsuite.recording.v1.CallbackEventType;
import dev.rtcsuite.recording.v1.ListCallbackDeliveriesRequest;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.RedeliverCallbackRequest;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.suite.faults.FaultyReceiver;
import dev.rtcsuite.suite.faults.FaultyReceiver.Behaviour;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Callback receivers that keep the sender waiting past its timeout, answer 500, or close the
 * connection without an answer (SPEC C-6, issue #9): a callback is delivered once the receiver
 * recovers, dead-lettered after the last attempt (4 here) and no more attempted, and delivered
 * again through RedeliverCallback with its event id unchanged. A real HTTP receiver on 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackFaultsTest {

    private static final int ATTEMPTS = 4;
    private static final int ROOM = 4_004;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<Behaviour> FAULTS =
            List.of(Behaviour.TIMEOUT, Behaviour.ERROR_500, Behaviour.CLOSE);

    private RunningSuite suite;
    private FaultDrill drill;
    private FaultyReceiver receiver;
    private ManagedChannel media;

    @BeforeAll
    void startTheSuite() throws Exception {
        suite =
                RunningSuite.start(
                        "callback-faults",
                        "",
                        RunningSuite.postgresAddress(),
                        Map.of(
                                "RTCSUITE_RECORDING_CALLBACK_ATTEMPTS",
                                Integer.toString(ATTEMPTS),
                                "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT",
                                FaultDrill.PATIENT_POOL.get(
                                        "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT")));
        drill = new FaultDrill(suite, FaultDrill.sharedServer());
        receiver = new FaultyReceiver();
        media = suite.credentials.channel(suite.service("recording").port, "media");
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        if (media != null) {
            media.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (receiver != null) {
            receiver.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void faultyReceiversGetTheirCallbacksAfterRecoveryDeadLetterAndRedelivery() throws Exception {
        List<Long> apps = new ArrayList<>();
        for (Behaviour fault : FAULTS) {
            long app = drill.newApp("Callback " + fault + " Ltd").getSdkAppId();
            MediaEvents.configureRecording(
                    suite.channel("recording"),
                    app,
                    RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                    receiver.url(path(fault)));
            apps.add(app);
        }
        failing(true);

        // 1. Two failed attempts, then the receivers recover: the third attempt delivers.
        List<CallbackDelivery> first = startRecording(apps, "first");
        awaitAttempts(first, 1);
        drill.pass(Duration.ofMinutes(1));
        awaitAttempts(first, 2);
        failing(false);
        drill.pass(Duration.ofMinutes(1));
        for (CallbackDelivery delivery :
                awaitState(first, CallbackDeliveryState.CALLBACK_DELIVERY_STATE_DELIVERED)) {
            assertThat(delivery.getAttemptCount()).isEqualTo(3);
            assertThat(answers(delivery))
                    .containsExactly(faultOf(delivery), faultOf(delivery), Behaviour.OK);
        }

        // 2. Receivers that never recover: the last attempt dead-letters, and nothing follows.
        failing(true);
        List<CallbackDelivery> second = startRecording(apps, "second");
        for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
            awaitAttempts(second, attempt);
            drill.pass(Duration.ofMinutes(1));
        }
        for (CallbackDelivery delivery :
                awaitState(second, CallbackDeliveryState.CALLBACK_DELIVERY_STATE_DEAD_LETTER)) {
            assertThat(delivery.getAttemptCount()).isEqualTo(ATTEMPTS);
        }
        drill.pass(Duration.ofHours(1));
        Thread.sleep(3_000);
        for (CallbackDelivery delivery : second) {
            assertThat(answers(delivery))
                    .isEqualTo(Collections.nCopies(ATTEMPTS, faultOf(delivery)));
        }

        // 3. Redelivered by hand once the receivers are back: the same event, delivered once.
        failing(false);
        var recording = RecordingServiceGrpc.newBlockingStub(suite.channel("recording"));
        for (CallbackDelivery delivery : second) {
            recording.redeliverCallback(
                    RedeliverCallbackRequest.newBuilder()
                            .setRequestId(UUID.randomUUID().toString())
                            .setDeliveryId(delivery.getDeliveryId())
                            .build());
        }
        awaitState(second, CallbackDeliveryState.CALLBACK_DELIVERY_STATE_DELIVERED);
        for (CallbackDelivery delivery : second) {
            assertThat(receiver.deliveries()).containsEntry(delivery.getEventId(), 1L);
            assertThat(answers(delivery)).hasSize(ATTEMPTS + 1).last().isEqualTo(Behaviour.OK);
        }
    }

    /** An anchor of each app publishes and its recorder starts: one TASK_STARTED callback each. */
    private List<CallbackDelivery> startRecording(List<Long> apps, String user) throws Exception {
        var recordingMedia = RecordingServiceGrpc.newBlockingStub(media);
        List<CallbackDelivery> started = new ArrayList<>();
        for (long app : apps) {
            recordingMedia.reportStreamEvent(
                    MediaEvents.anchor(
                            app,
                            ROOM,
                            user,
                            640,
                            480,
                            StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                            drill.now()));
            String task =
                    (String)
                            drill.rows(
                                            "recording",
                                            "SELECT task_id FROM recording_task"
                                                    + " WHERE sdk_app_id = ? AND user_id = ?",
                                            app,
                                            user)
                                    .getFirst()
                                    .getFirst();
            recordingMedia.reportRecorderEvent(
                    MediaEvents.recorder(
                            task,
                            RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED,
                            drill.now()));
            started.add(
                    deliveries(app).stream()
                            .filter(d -> d.getTaskId().equals(task))
                            .filter(
                                    d ->
                                            d.getEventType()
                                                    == CallbackEventType
                                                            .CALLBACK_EVENT_TYPE_TASK_STARTED)
                            .findFirst()
                            .orElseThrow());
        }
        return started;
    }

    private void awaitAttempts(List<CallbackDelivery> deliveries, int attempts) throws Exception {
        for (CallbackDelivery delivery : deliveries) {
            FaultDrill.await(
                    () ->
                            receiver.attempts(delivery.getEventId()) >= attempts
                                    && current(delivery).getAttemptCount() >= attempts,
                    PATIENCE,
                    "attempt " + attempts + " of " + delivery.getEventId());
        }
    }

    private List<CallbackDelivery> awaitState(
            List<CallbackDelivery> deliveries, CallbackDeliveryState state) throws Exception {
        List<CallbackDelivery> reached = new ArrayList<>();
        for (CallbackDelivery delivery : deliveries) {
            FaultDrill.await(
                    () -> current(delivery).getState() == state,
                    PATIENCE,
                    delivery.getEventId() + " " + state);
            reached.add(current(delivery));
        }
        return reached;
    }

    private CallbackDelivery current(CallbackDelivery delivery) {
        return deliveries(delivery.getSdkAppId()).stream()
                .filter(d -> d.getDeliveryId().equals(delivery.getDeliveryId()))
                .findFirst()
                .orElseThrow();
    }

    private List<CallbackDelivery> deliveries(long app) {
        return RecordingServiceGrpc.newBlockingStub(suite.channel("recording"))
                .listCallbackDeliveries(
                        ListCallbackDeliveriesRequest.newBuilder().setSdkAppId(app).build())
                .getDeliveriesList();
    }

    /** How the receiver answered each attempt of a delivery's event, in order. */
    private List<Behaviour> answers(CallbackDelivery delivery) {
        return receiver.requests().stream()
                .filter(r -> r.eventId().equals(delivery.getEventId()))
                .map(FaultyReceiver.Request::answer)
                .toList();
    }

    private Behaviour faultOf(CallbackDelivery delivery) {
        return FAULTS.stream()
                .filter(fault -> delivery.getUrl().endsWith(path(fault)))
                .findFirst()
                .orElseThrow();
    }

    private void failing(boolean failing) {
        for (Behaviour fault : FAULTS) {
            receiver.behave(path(fault), failing ? fault : Behaviour.OK);
        }
    }

    private static String path(Behaviour fault) {
        return "/" + fault.name().toLowerCase();
    }
}
