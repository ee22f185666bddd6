package dev.rtcsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.type.Money;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.common.v1.VideoCodec;
import dev.rtcsuite.mixing.v1.DescribeMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.EncodeParams;
import dev.rtcsuite.mixing.v1.LayoutParams;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc;
import dev.rtcsuite.mixing.v1.OutputParams;
import dev.rtcsuite.mixing.v1.Region;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.StopMCUMixTranscodeRequest;
import dev.rtcsuite.packages.v1.App;
import dev.rtcsuite.packages.v1.DeductUsageRequest;
import dev.rtcsuite.packages.v1.FixedPackageSize;
import dev.rtcsuite.packages.v1.GetPackageRequest;
import dev.rtcsuite.packages.v1.PackageState;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.PurchasePackageRequest;
import dev.rtcsuite.packages.v1.TopUpRequest;
import dev.rtcsuite.rating.v1.BillLine;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.PresenceInterval;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.rating.v1.UsageRecord;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.ReportStreamEventRequest;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.suite.faults.AcknowledgedLoad;
import dev.rtcsuite.suite.faults.AcknowledgedLoad.Call;
import dev.rtcsuite.suite.faults.FaultyReceiver;
import dev.rtcsuite.suite.faults.Fraction;
import io.grpc.ManagedChannel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * kill -9 of each service in the middle of its load (issue #9, faults): producers send every call
 * again until it is acknowledged, as a real producer does, and after the restart on the same
 * database nothing acknowledged is lost, nothing is applied twice, and durable timers armed before
 * the kill fire exactly once. The suite's clocks are stopped (FaultDrill) so that amounts are
 * exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillNineTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int ROOM = 9_009;

    private RunningSuite suite;
    private FaultDrill drill;
    private ManagedChannel recordingMedia;
    private FaultyReceiver receiver;

    @BeforeAll
    void startTheSuite() throws Exception {
        suite =
                RunningSuite.start(
                        "kill-nine", "", RunningSuite.postgresAddress(), FaultDrill.PATIENT_POOL);
        drill = new FaultDrill(suite, FaultDrill.sharedServer());
        recordingMedia = suite.credentials.channel(suite.service("recording").port, "media");
        receiver = new FaultyReceiver();
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (recordingMedia != null) {
            recordingMedia.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * 1,500 presence records of 60 s (one user each, so 60 audio seconds each, R-3) in 60 batches
     * of 25; rating-service is killed once a few batches are acknowledged.
     */
    @Test
    @Order(1)
    void ratingKilledMidIngestionRatesEveryAcknowledgedRecordExactlyOnce() throws Exception {
        long app = drill.newApp("Kill Rating Ltd").getSdkAppId();
        Instant start = drill.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        var rating = RatingServiceGrpc.newBlockingStub(suite.channel("rating")).withWaitForReady();
        Map<String, List<String>> keysOfBatch = new HashMap<>();
        List<Call> calls = new ArrayList<>();
        for (int b = 0; b < 60; b++) {
            IngestUsageRequest.Builder batch =
                    IngestUsageRequest.newBuilder().setRequestId(UUID.randomUUID().toString());
            List<String> keys = new ArrayList<>();
            for (int r = 0; r < 25; r++) {
                String key = "kill-" + b + "-" + r;
                keys.add(key);
                batch.addRecords(presence(app, key, "user-" + b + "-" + r, start, 60));
            }
            IngestUsageRequest request = batch.build();
            keysOfBatch.put(request.getRequestId(), keys);
            calls.add(
                    new Call(
                            request.getRequestId(),
                            () ->
                                    rating.withDeadlineAfter(10, TimeUnit.SECONDS)
                                            .ingestUsage(request)));
        }

        Set<String> acknowledgedBeforeTheKill;
        try (AcknowledgedLoad load = new AcknowledgedLoad(calls, 4)) {
            load.awaitAcknowledged(10, PATIENCE);
            suite.service("rating").kill();
            acknowledgedBeforeTheKill = load.acknowledged();
            drill.restart("rating");
            Set<String> stored = storedKeys(app);
            for (String batch : acknowledgedBeforeTheKill) {
                assertThat(stored).containsAll(keysOfBatch.get(batch));
            }
            load.awaitAll(PATIENCE);
        }

        assertThat(acknowledgedBeforeTheKill).hasSizeBetween(10, 59);
        assertThat(
                        drill.number(
                                "rating",
                                "SELECT count(*) FROM usage_record WHERE sdk_app_id = ?",
                                app))
                .isEqualTo(1_500);
        // Every record rated once: 1,500 × 60 audio seconds, and nothing else. Rating follows
        // the acknowledgement asynchronously, and catches up after the restart.
        List<List<Object>> rated =
                List.of(List.of("BASE_SERVICE", "AUDIO", new BigDecimal(90_000)));
        String ratedQuery =
                "SELECT item, tier, sum(seconds) FROM rated_total WHERE sdk_app_id = ?"
                        + " GROUP BY item, tier";
        FaultDrill.await(
                () -> drill.rows("rating", ratedQuery, app).equals(rated),
                PATIENCE,
                "every stored record rated");
        Thread.sleep(2_000); // a record rated twice would show now
        assertThat(drill.rows("rating", ratedQuery, app)).isEqualTo(rated);
    }

    /**
     * A trial (10,000 minutes at 1:1) and a general package of 25,000 minutes (HD at 4:1) meet 300
     * HD intervals of 60 minutes (18,000 usage minutes) while package-service is killed; a second
     * package of 4,000 minutes, bought before the kill, activates after it and takes over 1,000 of
     * the day's 1,750 overflow minutes. Every deduction is applied once and the ledger balances.
     */
    @Test
    @Order(2)
    void packageKilledMidDeductionsKeepsTheLedgerBalancedAndActivatesOnce() throws Exception {
        var packages =
                PackagesServiceGrpc.newBlockingStub(suite.channel("package")).withWaitForReady();
        App app = drill.newApp("Kill Package Ltd");
        String account = app.getAccountId();
        packages.topUp(
                TopUpRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account)
                        .setAmount(cny(200))
                        .build());
        String general = purchase(packages, account, null);
        drill.pass(Duration.ofMinutes(6));
        awaitActive(general);
        String late = purchase(packages, account, 4_000L);
        LocalDate day = LocalDate.ofInstant(drill.now(), SHANGHAI);

        List<Call> calls = new ArrayList<>();
        for (int interval = 0; interval < 300; interval++) {
            DeductUsageRequest request = hdInterval(app.getSdkAppId(), day, interval);
            calls.add(
                    new Call(
                            Integer.toString(interval),
                            () ->
                                    packages.withDeadlineAfter(10, TimeUnit.SECONDS)
                                            .deductUsage(request)));
        }
        Set<String> acknowledgedBeforeTheKill;
        try (AcknowledgedLoad load = new AcknowledgedLoad(calls, 4)) {
            load.awaitAcknowledged(60, PATIENCE);
            suite.service("package").kill();
            acknowledgedBeforeTheKill = load.acknowledged();
            drill.restart("package");
            Set<String> stored = new HashSet<>();
            for (List<Object> row :
                    drill.rows(
                            "package",
                            "SELECT interval_index FROM deduction WHERE account_id = ?::uuid"
                                    + " AND kind = 'INTERVAL'",
                            account)) {
                stored.add(row.getFirst().toString());
            }
            assertThat(stored).containsAll(acknowledgedBeforeTheKill);
            load.awaitAll(PATIENCE);
        }
        assertThat(acknowledgedBeforeTheKill).hasSizeBetween(60, 299);

        // The second package's activation timer, armed before the kill, fires once after it.
        drill.pass(Duration.ofMinutes(6));
        awaitActive(late);
        assertThat(
                        drill.rows(
                                "package",
                                "SELECT state, attempts FROM durable_job"
                                        + " WHERE kind = 'packages.activation' AND job_key IN (?, ?)",
                                general,
                                late))
                .containsExactly(List.of("DONE", 1), List.of("DONE", 1));

        Ledger ledger = Ledger.of(drill, account);
        assertThat(ledger.intervalUsage()).isEqualTo(Map.of(60L, 300L));
        ledger.assertBalanced();
        // 10,000 trial + 25,000 / 4 + 4,000 / 4 usage minutes covered; 750 of 18,000 postpaid.
        assertThat(ledger.packageMinutesByKind())
                .isEqualTo(Map.of("FREE_TRIAL", 10_000L, "GENERAL", 29_000L));
        assertThat(ledger.remainingMinutes()).isZero();
        assertThat(ledger.postpaidUsageMinutes()).isEqualTo(Fraction.of(750));
    }

    /**
     * 120 anchors publish in one room of a GLOBAL_AUTO app (a task each) while recording-service is
     * killed; then they start, stop publishing (each task INTERRUPTED, its 60 s resume timer armed)
     * and the service is killed again before the timers are due. Every anchor has exactly one task,
     * every resume timer fires once after the restart, and each task's 301 and 302 callbacks are
     * created once and delivered.
     */
    @Test
    @Order(3)
    void recordingKilledMidStreamEventsKeepsOneTaskPerAnchorAndEveryTimer() throws Exception {
        long app = drill.newApp("Kill Recording Ltd").getSdkAppId();
        MediaEvents.configureRecording(
                suite.channel("recording"),
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                receiver.url("/kill-nine"));
        var media = RecordingServiceGrpc.newBlockingStub(recordingMedia).withWaitForReady();
        List<String> users = new ArrayList<>();
        List<Call> published = new ArrayList<>();
        for (int u = 0; u < 120; u++) {
            String user = "anchor-" + u;
            users.add(user);
            ReportStreamEventRequest event =
                    MediaEvents.anchor(
                            app,
                            ROOM,
                            user,
                            640,
                            480,
                            StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                            drill.now());
            published.add(
                    new Call(
                            user,
                            () ->
                                    media.withDeadlineAfter(10, TimeUnit.SECONDS)
                                            .reportStreamEvent(event)));
        }
        try (AcknowledgedLoad load = new AcknowledgedLoad(published, 4)) {
            load.awaitAcknowledged(30, PATIENCE);
            suite.service("recording").kill();
            Set<String> acknowledgedBeforeTheKill = load.acknowledged();
            drill.restart("recording");
            assertThat(tasksPerUser(app)).containsAllEntriesOf(ones(acknowledgedBeforeTheKill));
            load.awaitAll(PATIENCE);
        }
        assertThat(tasksPerUser(app)).isEqualTo(ones(users));

        for (List<Object> task :
                drill.rows(
                        "recording",
                        "SELECT task_id FROM recording_task WHERE sdk_app_id = ?",
                        app)) {
            media.reportRecorderEvent(
                    MediaEvents.recorder(
                            (String) task.getFirst(),
                            RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED,
                            drill.now()));
        }
        for (String user : users) {
            media.reportStreamEvent(
                    MediaEvents.anchor(
                            app,
                            ROOM,
                            user,
                            640,
                            480,
                            StreamEventKind.STREAM_EVENT_KIND_UNPUBLISHED,
                            drill.now()));
        }
        drill.killAndRestart("recording");
        drill.pass(Duration.ofSeconds(61));

        FaultDrill.await(
                () ->
                        drill.number(
                                        "recording",
                                        "SELECT count(*) FROM recording_task"
                                                + " WHERE sdk_app_id = ? AND state = 'FINALIZING'",
                                        app)
                                == 120,
                PATIENCE,
                "every task finalizing after its resume wait");
        // Each task's resume timer ran once; each lifecycle event was created once.
        assertThat(
                        drill.rows(
                                "recording",
                                "SELECT j.state, j.attempts, count(*) FROM recording_task t"
                                        + " JOIN durable_job j ON j.kind = 'recording.resume-expiry'"
                                        + " AND j.job_key LIKE t.task_id || ':%'"
                                        + " WHERE t.sdk_app_id = ? GROUP BY j.state, j.attempts",
                                app))
                .containsExactly(List.of("DONE", 1, 120L));
        assertThat(
                        drill.rows(
                                "recording",
                                "SELECT event_type, count(*), count(DISTINCT task_id)"
                                        + " FROM callback_delivery WHERE sdk_app_id = ?"
                                        + " GROUP BY event_type ORDER BY event_type",
                                app))
                .containsExactly(
                        List.of("TASK_STARTED", 120L, 120L), List.of("TASK_STOPPED", 120L, 120L));
        FaultDrill.await(
                () -> {
                    Set<String> events = new HashSet<>();
                    for (List<Object> row :
                            drill.rows(
                                    "recording",
                                    "SELECT event_id FROM callback_delivery WHERE sdk_app_id = ?",
                                    app)) {
                        events.add((String) row.getFirst());
                    }
                    return receiver.deliveries().keySet().containsAll(events);
                },
                PATIENCE,
                "every callback delivered at least once");
    }

    /**
     * A mix session with a mixed recording of anchors a (SD), b (audio) and c (FHD); after 10
     * minutes c leaves and d (HD) joins, and mixing-service is killed at that moment. After the
     * restart the session goes on: the relayout reaches the mixed recording, and after 20 minutes
     * both the transcode and the recording are rated for exactly the time each input was there.
     */
    @Test
    @Order(4)
    void mixingKilledMidSessionMetersEveryInputSecondOnce() throws Exception {
        long app = drill.newApp("Kill Mixing Ltd").getSdkAppId();
        MediaEvents.configureRecording(
                suite.channel("recording"), app, RecordingMode.RECORDING_MODE_SPECIFIED_USERS, "");
        var media = RecordingServiceGrpc.newBlockingStub(recordingMedia);
        var recording = RecordingServiceGrpc.newBlockingStub(suite.channel("recording"));
        var mixing = MixingServiceGrpc.newBlockingStub(suite.channel("mixing")).withWaitForReady();
        Instant t0 = drill.now();
        media.reportStreamEvent(
                MediaEvents.anchor(
                        app,
                        ROOM,
                        "a",
                        640,
                        480,
                        StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                        drill.now()));
        media.reportStreamEvent(
                MediaEvents.anchor(
                        app,
                        ROOM,
                        "b",
                        0,
                        0,
                        StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                        drill.now()));
        media.reportStreamEvent(
                MediaEvents.anchor(
                        app,
                        ROOM,
                        "c",
                        1920,
                        1080,
                        StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                        drill.now()));
        StartMCUMixTranscodeRequest start =
                StartMCUMixTranscodeRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setSdkAppId(app)
                        .setRoomId(ROOM)
                        .setOutputParams(
                                OutputParams.newBuilder()
                                        .setStreamId("kill_mix_" + app)
                                        .setRecordId("kill_rec_" + app))
                        .setEncodeParams(
                                EncodeParams.newBuilder()
                                        .setVideoWidth(1280)
                                        .setVideoHeight(720)
                                        .setVideoBitrate(1500)
                                        .setVideoFramerate(15)
                                        .setVideoCodec(VideoCodec.VIDEO_CODEC_H264))
                        .setLayoutParams(
                                LayoutParams.newBuilder()
                                        .setTemplate(LayoutTemplate.LAYOUT_TEMPLATE_GRID))
                        .build();
        String session = mixing.startMCUMixTranscode(start).getSession().getSessionId();
        FaultDrill.await(
                () -> laidOut(mixing, app).containsAll(List.of("a", "c")),
                PATIENCE,
                "a and c laid out");
        String task = mixedTasks(app).getFirst();
        media.reportRecorderEvent(
                MediaEvents.recorder(
                        task, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED, drill.now()));

        drill.pass(Duration.ofMinutes(10));
        media.reportStreamEvent(
                MediaEvents.anchor(
                        app,
                        ROOM,
                        "c",
                        1920,
                        1080,
                        StreamEventKind.STREAM_EVENT_KIND_UNPUBLISHED,
                        drill.now()));
        media.reportStreamEvent(
                MediaEvents.anchor(
                        app,
                        ROOM,
                        "d",
                        1280,
                        720,
                        StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                        drill.now()));
        drill.killAndRestart("mixing");
        // A caller that lost its answer in the kill sends its start again: the same session.
        assertThat(mixing.startMCUMixTranscode(start).getSession().getSessionId())
                .isEqualTo(session);
        FaultDrill.await(
                () -> laidOut(mixing, app).contains("d") && !laidOut(mixing, app).contains("c"),
                PATIENCE,
                "the relayout after the restart: d in, c out");

        drill.pass(Duration.ofMinutes(10));
        mixing.stopMCUMixTranscode(
                StopMCUMixTranscodeRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setSdkAppId(app)
                        .setRoomId(ROOM)
                        .build());
        assertThat(mixedTasks(app)).containsExactly(task);
        assertThat(
                        drill.number(
                                "mixing",
                                "SELECT count(*) FROM mix_session WHERE sdk_app_id = ?",
                                app))
                .isOne();
        // The session may cross midnight in Shanghai (the suite's clock runs an hour or more ahead
        // of real time): its seconds are on the bills of both days.
        LocalDate firstDay = LocalDate.ofInstant(t0, SHANGHAI);
        LocalDate lastDay = LocalDate.ofInstant(drill.now(), SHANGHAI);
        // a SD 20 min, b audio 20 min, c FHD 10 min, d HD 10 min: for the H.264 transcode
        // and for the mixed recording, every input second once.
        Map<String, Long> expected = new HashMap<>();
        for (String item : List.of("MIX_TRANSCODE_H264", "RECORDING_MIXED_STREAM")) {
            expected.put(item + "/SD", 1_200L);
            expected.put(item + "/AUDIO", 1_200L);
            expected.put(item + "/FHD", 600L);
            expected.put(item + "/HD", 600L);
        }
        FaultDrill.await(
                () -> ratedSeconds(app, firstDay, lastDay).equals(expected),
                PATIENCE,
                "transcode and mixed recording rated");
        assertThat(ratedSeconds(app, firstDay, lastDay)).isEqualTo(expected);
    }

    private List<String> laidOut(MixingServiceGrpc.MixingServiceBlockingStub mixing, long app) {
        return mixing
                .describeMixTranscode(
                        DescribeMixTranscodeRequest.newBuilder()
                                .setSdkAppId(app)
                                .setRoomId(ROOM)
                                .build())
                .getSession()
                .getLayout()
                .getRegionsList()
                .stream()
                .filter(r -> !r.getPlaceholder())
                .map(Region::getUserId)
                .toList();
    }

    private List<String> mixedTasks(long app) throws Exception {
        return drill
                .rows(
                        "recording",
                        "SELECT task_id FROM recording_task WHERE sdk_app_id = ? AND kind = 'MIXED'",
                        app)
                .stream()
                .map(row -> (String) row.getFirst())
                .toList();
    }

    /** Rated seconds of the days' bills by "ITEM/TIER" (without the enum prefixes). */
    private Map<String, Long> ratedSeconds(long app, LocalDate firstDay, LocalDate lastDay) {
        Map<String, Long> seconds = new HashMap<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (BillLine line :
                    RatingServiceGrpc.newBlockingStub(suite.channel("rating"))
                            .getDailyBill(
                                    GetDailyBillRequest.newBuilder()
                                            .setSdkAppId(app)
                                            .setBillingDay(MediaEvents.date(day))
                                            .build())
                            .getBill()
                            .getLinesList()) {
                seconds.merge(
                        line.getItem().name().replace("BILLABLE_ITEM_", "")
                                + "/"
                                + line.getTier().name().replace("RESOLUTION_TIER_", ""),
                        line.getSeconds(),
                        Long::sum);
            }
        }
        return seconds;
    }

    private Map<String, Long> tasksPerUser(long app) throws Exception {
        Map<String, Long> tasks = new HashMap<>();
        for (List<Object> row :
                drill.rows(
                        "recording",
                        "SELECT user_id, count(*) FROM recording_task WHERE sdk_app_id = ?"
                                + " GROUP BY user_id",
                        app)) {
            tasks.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        return tasks;
    }

    private static Map<String, Long> ones(java.util.Collection<String> users) {
        Map<String, Long> ones = new HashMap<>();
        users.forEach(user -> ones.put(user, 1L));
        return ones;
    }

    private String purchase(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages,
            String account,
            Long customMinutes) {
        PurchasePackageRequest.Builder request =
                PurchasePackageRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account);
        if (customMinutes == null) {
            request.setFixedSize(FixedPackageSize.FIXED_PACKAGE_SIZE_25K);
        } else {
            request.setCustomMinutes(customMinutes);
        }
        return packages.purchasePackage(request.build()).getPrepaidPackage().getPackageId();
    }

    private void awaitActive(String packageId) throws Exception {
        var packages = PackagesServiceGrpc.newBlockingStub(suite.channel("package"));
        FaultDrill.await(
                () ->
                        packages.getPackage(
                                                GetPackageRequest.newBuilder()
                                                        .setPackageId(packageId)
                                                        .build())
                                        .getPrepaidPackage()
                                        .getState()
                                != PackageState.PACKAGE_STATE_PENDING_ACTIVATION,
                PATIENCE,
                "package " + packageId + " activated");
    }

    private static DeductUsageRequest hdInterval(long app, LocalDate day, int interval) {
        return DeductUsageRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSdkAppId(app)
                .setBillingDay(MediaEvents.date(day))
                .setItem(BillableItem.BILLABLE_ITEM_BASE_SERVICE)
                .setTier(ResolutionTier.RESOLUTION_TIER_HD)
                .setIntervalIndex(interval)
                .setUsageMinutes(60)
                // HD list price 28.00 per 1,000 minutes
                .setUnitPrice(Money.newBuilder().setCurrencyCode("CNY").setNanos(28_000_000))
                .setPriceBookVersion("list")
                .build();
    }

    private static Money cny(long units) {
        return Money.newBuilder().setCurrencyCode("CNY").setUnits(units).build();
    }

    private Set<String> storedKeys(long app) throws Exception {
        Set<String> keys = new HashSet<>();
        for (List<Object> row :
                drill.rows(
                        "rating",
                        "SELECT idempotency_key FROM usage_record WHERE sdk_app_id = ?",
                        app)) {
            keys.add((String) row.getFirst());
        }
        return keys;
    }

    static UsageRecord presence(long app, String key, String user, Instant start, int seconds) {
        return UsageRecord.newBuilder()
                .setIdempotencyKey(key)
                .setSdkAppId(app)
                .setPresence(
                        PresenceInterval.newBuilder()
                                .setRoomId(9)
                                .setUserId(user)
                                .setStartTime(MediaEvents.timestamp(start))
                                .setEndTime(MediaEvents.timestamp(start.plusSeconds(seconds))))
                .build();
    }
}
