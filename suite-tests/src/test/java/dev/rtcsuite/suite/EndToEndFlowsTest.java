package dev.rtcsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.FieldMask;
import com.google.rpc.ErrorInfo;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.common.v1.StreamType;
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
import dev.rtcsuite.packages.v1.AccountStatus;
import dev.rtcsuite.packages.v1.ApproveRefundRequest;
import dev.rtcsuite.packages.v1.Deduction;
import dev.rtcsuite.packages.v1.DeductionKind;
import dev.rtcsuite.packages.v1.FixedPackageSize;
import dev.rtcsuite.packages.v1.FundType;
import dev.rtcsuite.packages.v1.GetAppRequest;
import dev.rtcsuite.packages.v1.GetBalanceRequest;
import dev.rtcsuite.packages.v1.GetPackageRequest;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.ListDeductionsRequest;
import dev.rtcsuite.packages.v1.ListPackagesRequest;
import dev.rtcsuite.packages.v1.ListStatementsRequest;
import dev.rtcsuite.packages.v1.PackageKind;
import dev.rtcsuite.packages.v1.PackageState;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.PrepaidPackage;
import dev.rtcsuite.packages.v1.PurchasePackageRequest;
import dev.rtcsuite.packages.v1.RequestRefundRequest;
import dev.rtcsuite.packages.v1.ServiceStatus;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.packages.v1.Statement;
import dev.rtcsuite.packages.v1.StatementKind;
import dev.rtcsuite.packages.v1.TopUpRequest;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.rating.v1.BillLine;
import dev.rtcsuite.rating.v1.DailyBill;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.PresenceInterval;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.rating.v1.SubscriptionInterval;
import dev.rtcsuite.rating.v1.UsageRecord;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.GetMediaFileRequest;
import dev.rtcsuite.recording.v1.GetPlaybackUrlRequest;
import dev.rtcsuite.recording.v1.GetRecordingTaskRequest;
import dev.rtcsuite.recording.v1.ListRecordingTasksRequest;
import dev.rtcsuite.recording.v1.MediaFile;
import dev.rtcsuite.recording.v1.RecordedFile;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.RecordingTask;
import dev.rtcsuite.recording.v1.RecordingTaskKind;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import dev.rtcsuite.recording.v1.SearchMediaFilesRequest;
import dev.rtcsuite.recording.v1.StartMixedRecordingRequest;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import dev.rtcsuite.suite.flows.CallbackReceiver;
import dev.rtcsuite.suite.flows.Recorder;
import dev.rtcsuite.suite.flows.RecordingFlow;
import dev.rtcsuite.suite.flows.SuiteTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue #8: the four services together, as separate processes, driven only through their public
 * gRPC APIs. Time is moved through the services' test-clock hook (builds made with
 * RTCSUITE_E2E_HOOKS=true, as ./rtcsuite test makes them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndFlowsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private RunningSuite suite;
    private SuiteTime time;

    @BeforeAll
    void startTheSuite() throws Exception {
        suite = RunningSuite.startPatiently("e2e");
        // Stopped clocks make every duration exact: only the flows move time.
        suite.stopClocks();
        time =
                new SuiteTime() {
                    @Override
                    public Instant now() throws Exception {
                        return suite.advanceClocks(Duration.ZERO);
                    }

                    @Override
                    public void pass(Duration duration) throws Exception {
                        suite.advanceClocks(duration);
                    }
                };
        // The flows start at 08:00 in Shanghai, whatever the time of day the suite started at: a
        // flow's usage then stays on the billing day it asserts (a run after 15:00 UTC would
        // otherwise cross midnight there).
        advanceTo(next(LocalTime.of(8, 0)));
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        suite.close();
    }

    /**
     * Flow 1: three anchors for 10 minutes with HLS and a 60-second resume window. Recording is
     * charged per input stream at single-stream prices, the resume wait as audio (SPEC R-4); the
     * base service by what each anchor receives, deducted 1:1 from the free trial (P-2).
     */
    @Test
    @Order(1)
    void recordingUsageRatingAndTheTrialAgreeToTheCent() throws Exception {
        RecordingFlow.Report report;
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            report =
                    new RecordingFlow(channels(), time, line -> {})
                            .run(
                                    Duration.ofMinutes(10),
                                    Duration.ofSeconds(60),
                                    PATIENCE,
                                    receiver);
        }

        assertThat(report.tasks()).hasSize(3);
        assertThat(report.tasks())
                .allSatisfy(
                        task -> {
                            assertThat(task.getState())
                                    .isEqualTo(RecordingTaskState.RECORDING_TASK_STATE_COMPLETED);
                            assertThat(task.getFileIdsList()).hasSize(1);
                        });
        assertThat(report.tasks().stream().map(RecordingTask::getUserId))
                .containsExactlyInAnyOrder("anchor-sd", "anchor-audio", "anchor-fhd");
        assertThat(report.files()).hasSize(3);
        // C-4: {sdkappid}_{roomid}_{userid}_{main}_{start}_{end} in the billing time zone.
        assertThat(report.files().stream().map(f -> f.getName()))
                .allMatch(
                        name ->
                                name.startsWith(
                                        report.sdkAppId() + "_" + RecordingFlow.ROOM + "_anchor-"));

        // C-6: one event 100 per file, signed, with the file's URL.
        var fileEvents =
                report.callbacks().stream()
                        .filter(c -> c.body().contains("\"event_type\":100"))
                        .toList();
        assertThat(fileEvents).hasSize(3);
        assertThat(fileEvents)
                .allSatisfy(
                        c -> {
                            assertThat(c.body()).contains("video_url");
                            assertThat(c.headers().keySet()).anyMatch(h -> h.contains("signature"));
                        });

        Map<String, BigDecimal> lines =
                report.bill().getLinesList().stream()
                        .collect(Collectors.toMap(EndToEndFlowsTest::key, l -> amount(l)));
        // audio 20 min (anchor-sd and anchor-fhd receive the audio-only anchor), SD 20, FHD
        // 20.
        assertThat(
                        minutes(
                                report,
                                BillableItem.BILLABLE_ITEM_BASE_SERVICE,
                                ResolutionTier.RESOLUTION_TIER_AUDIO))
                .isEqualTo(20);
        assertThat(
                        minutes(
                                report,
                                BillableItem.BILLABLE_ITEM_BASE_SERVICE,
                                ResolutionTier.RESOLUTION_TIER_SD))
                .isEqualTo(20);
        assertThat(
                        minutes(
                                report,
                                BillableItem.BILLABLE_ITEM_BASE_SERVICE,
                                ResolutionTier.RESOLUTION_TIER_FHD))
                .isEqualTo(20);
        assertThat(lines)
                .containsEntry(
                        "BILLABLE_ITEM_BASE_SERVICE/RESOLUTION_TIER_AUDIO", new BigDecimal("0.14"))
                .containsEntry(
                        "BILLABLE_ITEM_BASE_SERVICE/RESOLUTION_TIER_SD", new BigDecimal("0.28"))
                .containsEntry(
                        "BILLABLE_ITEM_BASE_SERVICE/RESOLUTION_TIER_FHD", new BigDecimal("1.26"));
        // SD 10 min × 7/1000 = 0.07; FHD 10 min × 31/1000 = 0.31; audio: the audio-only
        // anchor's 10 min + three resume waits of 1 min = 13 min × 3.5/1000 = 0.0455.
        String single = "BILLABLE_ITEM_RECORDING_SINGLE_STREAM";
        assertThat(lines)
                .containsEntry(single + "/RESOLUTION_TIER_SD", new BigDecimal("0.07"))
                .containsEntry(single + "/RESOLUTION_TIER_FHD", new BigDecimal("0.31"))
                .containsEntry(single + "/RESOLUTION_TIER_AUDIO", new BigDecimal("0.0455"));
        assertThat(lines.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("2.1055");

        // P-2/P-4: 60 base-service minutes from the trial, 1:1 for every tier, once the day's
        // intervals close (2 minutes after they end) and rating-service hands them over.
        var packages = PackagesServiceGrpc.newBlockingStub(suite.channel("package"));
        time.pass(Duration.ofMinutes(8));
        RecordingFlow.await(
                () -> trialRemaining(packages, report.accountId()) <= 9_940,
                PATIENCE,
                "60 trial minutes deducted");
        PrepaidPackage trial =
                packages
                        .listPackages(
                                ListPackagesRequest.newBuilder()
                                        .setAccountId(report.accountId())
                                        .build())
                        .getPrepaidPackagesList()
                        .stream()
                        .filter(p -> p.getKind() == PackageKind.PACKAGE_KIND_FREE_TRIAL)
                        .findFirst()
                        .orElseThrow();
        assertThat(trial.getTotalMinutes()).isEqualTo(10_000);
        assertThat(trial.getRemainingMinutes()).isEqualTo(9_940);
    }

    /**
     * Flow 2: an MCU mix with a RecordId and a grid layout. Anchors join and leave, the layout
     * follows (room streams from recording-service), the mixed recording task follows the mix, and
     * both the transcode (H.264 column, R-5) and the mixed recording (every input, R-4) are rated:
     * A SD 20 min, B audio-only 20 min, C FHD 10 min, D HD 10 min.
     */
    @Test
    @Order(2)
    void aMixWithARecordIdIsLaidOutRecordedAndRatedPerInput() throws Exception {
        var packages = PackagesServiceGrpc.newBlockingStub(suite.channel("package"));
        var recordingAdmin = RecordingServiceGrpc.newBlockingStub(suite.channel("recording"));
        var recordingMedia =
                RecordingServiceGrpc.newBlockingStub(
                        suite.credentials.channel(suite.service("recording").port, "media"));
        var mixing = MixingServiceGrpc.newBlockingStub(suite.channel("mixing"));
        long app = newApp(packages, "Mixing Ltd");
        recordingAdmin.updateRecordingConfig(
                UpdateRecordingConfigRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setConfig(
                                RecordingConfig.newBuilder()
                                        .setSdkAppId(app)
                                        .setEnabled(true)
                                        .setMode(RecordingMode.RECORDING_MODE_SPECIFIED_USERS)
                                        .addFormats(FileFormat.FILE_FORMAT_HLS))
                        .setUpdateMask(
                                FieldMask.newBuilder()
                                        .addAllPaths(List.of("enabled", "mode", "formats")))
                        .build());
        int room = 3_030;
        Instant t0 = time.now().truncatedTo(ChronoUnit.SECONDS);
        publish(
                recordingMedia,
                app,
                room,
                "a",
                640,
                480,
                StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                t0);
        publish(
                recordingMedia,
                app,
                room,
                "b",
                0,
                0,
                StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                t0);
        publish(
                recordingMedia,
                app,
                room,
                "c",
                1920,
                1080,
                StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                t0);

        mixing.startMCUMixTranscode(
                StartMCUMixTranscodeRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setSdkAppId(app)
                        .setRoomId(room)
                        .setOutputParams(
                                OutputParams.newBuilder()
                                        .setStreamId("mix_" + room)
                                        .setRecordId("rec_" + room))
                        .setEncodeParams(encode720p().setVideoCodec(VideoCodec.VIDEO_CODEC_H264))
                        .setLayoutParams(
                                LayoutParams.newBuilder()
                                        .setTemplate(LayoutTemplate.LAYOUT_TEMPLATE_GRID))
                        .build());
        RecordingFlow.await(
                () -> laidOut(mixing, app, room).containsAll(List.of("a", "c")),
                PATIENCE,
                "a and c laid out");
        RecordingFlow.await(
                () -> mixedTask(recordingAdmin, app).isPresent(),
                PATIENCE,
                "the mixed recording task");
        RecordingTask mixed = mixedTask(recordingAdmin, app).orElseThrow();
        assertThat(mixed.getRecordId()).isEqualTo("rec_" + room);
        recordingMedia.reportRecorderEvent(
                RecordingFlow.recorderEvent(
                        mixed.getTaskId(),
                        RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED,
                        t0,
                        null));

        // After 10 minutes c leaves and d (HD) joins: the grid follows.
        time.pass(Duration.ofMinutes(10));
        Instant t10 = t0.plus(Duration.ofMinutes(10));
        publish(
                recordingMedia,
                app,
                room,
                "c",
                1920,
                1080,
                StreamEventKind.STREAM_EVENT_KIND_UNPUBLISHED,
                t10);
        publish(
                recordingMedia,
                app,
                room,
                "d",
                1280,
                720,
                StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                t10);
        RecordingFlow.await(
                () ->
                        laidOut(mixing, app, room).contains("d")
                                && !laidOut(mixing, app, room).contains("c"),
                PATIENCE,
                "the relayout: d in, c out");

        time.pass(Duration.ofMinutes(10));
        Instant t20 = t0.plus(Duration.ofMinutes(20));
        mixing.stopMCUMixTranscode(
                StopMCUMixTranscodeRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setSdkAppId(app)
                        .setRoomId(room)
                        .build());
        RecordingFlow.await(
                () ->
                        task(recordingAdmin, mixed.getTaskId()).getState()
                                == RecordingTaskState.RECORDING_TASK_STATE_FINALIZING,
                PATIENCE,
                "the mixed task finalizing");
        MediaFile file =
                recordingMedia
                        .reportRecorderEvent(
                                RecordingFlow.recorderEvent(
                                        mixed.getTaskId(),
                                        RecorderEventKind.RECORDER_EVENT_KIND_FILE_UPLOADED,
                                        t20,
                                        RecordedFile.newBuilder()
                                                .setFileSequence(0)
                                                .setFormat(FileFormat.FILE_FORMAT_HLS)
                                                .setStartTime(RecordingFlow.timestamp(t0))
                                                .setEndTime(RecordingFlow.timestamp(t20))
                                                .setDuration(
                                                        com.google.protobuf.Duration.newBuilder()
                                                                .setSeconds(1_200))
                                                .setSizeBytes(150_000_000)
                                                .setStorageUrl(
                                                        "https://vod.example.com/rec_"
                                                                + room
                                                                + ".m3u8")
                                                .build()))
                        .getFile();
        assertThat(file.getName()).startsWith("rec_" + room + "_");
        time.pass(Duration.ofSeconds(60));
        RecordingFlow.await(
                () ->
                        task(recordingAdmin, mixed.getTaskId()).getState()
                                == RecordingTaskState.RECORDING_TASK_STATE_COMPLETED,
                PATIENCE,
                "the mixed task completed");

        LocalDate day = LocalDate.ofInstant(t0, ZoneId.of("Asia/Shanghai"));
        String h264 = "BILLABLE_ITEM_MIX_TRANSCODE_H264";
        String mixedRecording = "BILLABLE_ITEM_RECORDING_MIXED_STREAM";
        RecordingFlow.await(
                () ->
                        lines(app, day).keySet().stream()
                                        .filter(
                                                k ->
                                                        k.startsWith(h264)
                                                                || k.startsWith(mixedRecording))
                                        .count()
                                == 8,
                PATIENCE,
                "transcode and mixed recording usage rated");
        // R-5, H.264 column: SD 20 × 12/1000, audio 20 × 5.6/1000, FHD 10 × 48/1000, HD 10 ×
        // 21/1000.
        // R-4, mixed-stream: SD 20 × 19/1000, audio 20 × 9/1000, FHD 10 × 79/1000, HD 10 × 35/1000.
        assertThat(lines(app, day))
                .containsEntry(h264 + "/RESOLUTION_TIER_SD", new BigDecimal("0.24"))
                .containsEntry(h264 + "/RESOLUTION_TIER_AUDIO", new BigDecimal("0.112"))
                .containsEntry(h264 + "/RESOLUTION_TIER_FHD", new BigDecimal("0.48"))
                .containsEntry(h264 + "/RESOLUTION_TIER_HD", new BigDecimal("0.21"))
                .containsEntry(mixedRecording + "/RESOLUTION_TIER_SD", new BigDecimal("0.38"))
                .containsEntry(mixedRecording + "/RESOLUTION_TIER_AUDIO", new BigDecimal("0.18"))
                .containsEntry(mixedRecording + "/RESOLUTION_TIER_FHD", new BigDecimal("0.79"))
                .containsEntry(mixedRecording + "/RESOLUTION_TIER_HD", new BigDecimal("0.35"));
    }

    /**
     * Flow 3: money across days. A package bought with a top-up; a recording (value-added usage)
     * settled the next day against a zero balance (P-5) → arrears with 24 h grace, service
     * continuing → suspended although a package is left: mixing and recording refuse new work and
     * the recorded file is not served (P-6, C-5) → a top-up restores service at once: the file is
     * served and anchors are recorded again → the unused package refunded within 5 days (P-7).
     * Base-service usage over midnight is split between the two billing days and deducted from the
     * trial (R-2, P-4).
     */
    @Test
    @Order(3)
    void moneyAcrossDaysSettlementArrearsSuspensionTopUpAndRefund() throws Exception {
        var packages = PackagesServiceGrpc.newBlockingStub(suite.channel("package"));
        var ratingMedia =
                RatingServiceGrpc.newBlockingStub(
                        suite.credentials.channel(suite.service("rating").port, "media"));
        // Day D's story starts at the next 08:00: its recording needs 100 minutes before midnight.
        advanceTo(next(LocalTime.of(8, 0)));
        long app = newApp(packages, "Across Days Ltd");
        String account = accountOf(packages, app);

        // A minute after the trial was granted (the stopped clock would otherwise give both
        // packages one purchase time, and the burn-down order would fall back to their ids):
        // 168.00 topped up, the 25,000-minute package bought with it (P-3).
        time.pass(Duration.ofMinutes(1));
        topUp(packages, account, "168.00");
        PrepaidPackage bought = buy25k(packages, account);
        assertThat(money(bought.getPrice())).isEqualByComparingTo("168.00");
        assertThat(cash(packages, account)).isEqualByComparingTo("0.00");

        // An FHD anchor recorded for 100 minutes by a real task: 100 × 31/1000 = 3.10.
        Recorder recorder = recorder();
        recorder.recordEveryAnchor(app);
        MediaFile file =
                recorder.record(
                        app,
                        7,
                        new RecordingFlow.Anchor("anchor", 1920, 1080),
                        Duration.ofMinutes(100));
        LocalDate dayD = LocalDate.ofInstant(time.now(), SHANGHAI);
        String fhdRecording = "BILLABLE_ITEM_RECORDING_SINGLE_STREAM/RESOLUTION_TIER_FHD";
        RecordingFlow.await(
                () -> new BigDecimal("3.1").equals(lines(app, dayD).get(fhdRecording)),
                PATIENCE,
                "the 100 recorded minutes rated");
        assertThat(lines(app, dayD)).containsOnlyKeys(fhdRecording);
        assertThat(files(app)).containsExactly(file.getFileId());
        assertThat(playbackUrl(app, file)).isNotEmpty();

        // 20 audio minutes over midnight: 10 on day D, 10 on day D+1 (R-2 splits at the billing
        // day).
        Instant midnight = dayD.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        advanceTo(midnight.plus(Duration.ofMinutes(15)));
        ratingMedia.ingestUsage(
                IngestUsageRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .addRecords(
                                presence(
                                        app,
                                        "night-owl",
                                        midnight.minus(Duration.ofMinutes(10)),
                                        midnight.plus(Duration.ofMinutes(10))))
                        .build());
        // rating-service hands closed intervals over every few minutes of its clock.
        advanceTo(midnight.plus(Duration.ofMinutes(25)));
        RecordingFlow.await(
                () -> trialRemaining(packages, account) <= 9_980,
                PATIENCE,
                "20 trial minutes deducted");
        assertThat(trialRemaining(packages, account)).isEqualTo(9_980);
        assertThat(audioMinutes(app, dayD)).isEqualTo(10);
        assertThat(audioMinutes(app, dayD.plusDays(1))).isEqualTo(10);

        // 00:30 of D+1: day D settled — recording 3.10, the base usage covered by the trial — from
        // a zero balance: arrears, service continuing through the 24 h grace (P-5, P-6).
        advanceTo(midnight.plus(Duration.ofMinutes(35)));
        RecordingFlow.await(
                () ->
                        status(packages, app).getAccountStatus()
                                == AccountStatus.ACCOUNT_STATUS_ARREARS,
                PATIENCE,
                "arrears after the settlement of day D");
        Statement dayDStatement = statement(packages, account, dayD).orElseThrow();
        assertThat(money(dayDStatement.getChargedAmount())).isEqualByComparingTo("3.10");
        assertThat(money(dayDStatement.getBalanceAfter())).isEqualByComparingTo("-3.10");
        assertThat(status(packages, app).getInService()).isTrue();
        assertThat(status(packages, app).getReason())
                .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_ARREARS_GRACE);
        assertThat(playbackUrl(app, file)).isNotEmpty();

        // 24 h later: suspended although 25,000 package minutes are left.
        time.pass(Duration.ofHours(24));
        RecordingFlow.await(
                () ->
                        status(packages, app).getAccountStatus()
                                == AccountStatus.ACCOUNT_STATUS_SUSPENDED,
                PATIENCE,
                "suspension after the grace");
        assertThat(status(packages, app).getInService()).isFalse();
        assertThat(status(packages, app).getReason())
                .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_SUSPENDED_ARREARS);
        // New work refused: a mix, a mixed recording; an anchor who publishes is not recorded.
        var mixing = MixingServiceGrpc.newBlockingStub(suite.channel("mixing"));
        StatusRuntimeException refused =
                assertThrows(
                        StatusRuntimeException.class,
                        () ->
                                mixing.startMCUMixTranscode(
                                        StartMCUMixTranscodeRequest.newBuilder()
                                                .setRequestId(UUID.randomUUID().toString())
                                                .setSdkAppId(app)
                                                .setRoomId(7)
                                                .setOutputParams(
                                                        OutputParams.newBuilder()
                                                                .setStreamId("mix_7"))
                                                .setEncodeParams(encode720p())
                                                .build()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        var recordingAdmin = RecordingServiceGrpc.newBlockingStub(suite.channel("recording"));
        assertSuspended(
                app,
                () ->
                        recordingAdmin.startMixedRecording(
                                StartMixedRecordingRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setSdkAppId(app)
                                        .setRoomId(7)
                                        .setRecordId("rec_7")
                                        .setMixSessionId("mix-session-7")
                                        .build()));
        RecordingFlow.Anchor refusedAnchor = new RecordingFlow.Anchor("anchor-refused", 1280, 720);
        recordingMedia()
                .reportStreamEvent(
                        RecordingFlow.streamEvent(
                                app,
                                7,
                                refusedAnchor,
                                StreamEventKind.STREAM_EVENT_KIND_PUBLISHED,
                                time.now()));
        assertThat(recorder.tasks(app))
                .noneMatch(t -> t.getUserId().equals(refusedAnchor.userId()))
                .hasSize(1);
        // The recorded file is neither searched nor read nor played (C-5).
        assertSuspended(app, () -> files(app));
        assertSuspended(
                app,
                () ->
                        recordingAdmin.getMediaFile(
                                GetMediaFileRequest.newBuilder()
                                        .setFileId(file.getFileId())
                                        .setSdkAppId(app)
                                        .build()));
        assertSuspended(app, () -> playbackUrl(app, file));

        // A top-up to ≥ 0 restores service at once: the file is served again, and an anchor who
        // publishes now is recorded.
        topUp(packages, account, "3.10");
        assertThat(status(packages, app).getInService()).isTrue();
        assertThat(status(packages, app).getAccountStatus())
                .isEqualTo(AccountStatus.ACCOUNT_STATUS_ACTIVE);
        assertThat(files(app)).containsExactly(file.getFileId());
        assertThat(playbackUrl(app, file)).isNotEmpty();
        RecordingFlow.Anchor restored = new RecordingFlow.Anchor("anchor-restored", 1280, 720);
        RecordingTask again = recorder.startStreaming(app, 7, restored, time.now());
        assertThat(again.getKind()).isEqualTo(RecordingTaskKind.RECORDING_TASK_KIND_SINGLE_STREAM);
        recorder.stopStreaming(app, 7, restored, time.now());

        // Day D+2, within 5 days of the purchase and unused: refunded in full to cash (P-7).
        String refund =
                packages.requestRefund(
                                RequestRefundRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setPackageId(bought.getPackageId())
                                        .setReason("bought by mistake")
                                        .build())
                        .getRefund()
                        .getRefundId();
        packages.approveRefund(
                ApproveRefundRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setRefundId(refund)
                        .setReviewer("ops")
                        .build());
        assertThat(packageOf(packages, bought).getState())
                .isEqualTo(PackageState.PACKAGE_STATE_REFUNDED);
        assertThat(cash(packages, account)).isEqualByComparingTo("168.00");
    }

    /**
     * Flow 3, continued: a package bought during a day, once its activation delay is over, takes
     * over that day's postpaid overflow since 00:00 — but never the day before's (P-3, P-4). The
     * trial is used up on day X; days X and Y = X+1 overflow postpaid until the package bought at
     * 02:00 of day Y activates at 02:05.
     */
    @Test
    @Order(4)
    void aPackageTakesOverItsPurchaseDaysOverflowOnActivationButNotTheDayBefore() throws Exception {
        var packages = PackagesServiceGrpc.newBlockingStub(suite.channel("package"));
        var ratingMedia =
                RatingServiceGrpc.newBlockingStub(
                        suite.credentials.channel(suite.service("rating").port, "media"));
        advanceTo(next(LocalTime.of(0, 5)));
        long app = newApp(packages, "Late Buyer Ltd");
        String account = accountOf(packages, app);
        topUp(packages, account, "200.00");
        LocalDate dayX = LocalDate.ofInstant(time.now(), SHANGHAI);
        advanceTo(dayX.atTime(3, 0).atZone(SHANGHAI).toInstant());

        // Day X, 01:00–02:41: 100 listeners, 101 audio minutes each: 10,000 minutes use the trial
        // up (20 intervals of 500), the last 100 are postpaid at 7.00 per 1,000 = 0.70 (P-2, P-4).
        Instant one = dayX.atTime(1, 0).atZone(SHANGHAI).toInstant();
        IngestUsageRequest.Builder crowd =
                IngestUsageRequest.newBuilder().setRequestId(UUID.randomUUID().toString());
        for (int listener = 0; listener < 100; listener++) {
            crowd.addRecords(
                    presence(app, "listener-" + listener, one, one.plus(Duration.ofMinutes(101))));
        }
        ratingMedia.ingestUsage(crowd.build());
        RecordingFlow.await(
                () -> postpaidMinutes(packages, account, dayX).compareTo(new BigDecimal(100)) == 0,
                PATIENCE,
                "day X's 100 minutes of overflow");
        assertThat(trialRemaining(packages, account)).isZero();

        // Day Y, 00:30–01:20: A sends HD video to B. B receives 50 HD minutes, A (receiving
        // nothing) 50 audio minutes, all postpaid: 50 × 0.028 + 50 × 0.007 = 1.75.
        advanceTo(next(LocalTime.of(2, 0)));
        LocalDate dayY = dayX.plusDays(1);
        Instant from = dayY.atTime(0, 30).atZone(SHANGHAI).toInstant();
        Instant to = from.plus(Duration.ofMinutes(50));
        ratingMedia.ingestUsage(
                IngestUsageRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .addRecords(presence(app, "a", from, to))
                        .addRecords(presence(app, "b", from, to))
                        .addRecords(
                                UsageRecord.newBuilder()
                                        .setIdempotencyKey(app + "/subscription/b/a")
                                        .setSdkAppId(app)
                                        .setSubscription(
                                                SubscriptionInterval.newBuilder()
                                                        .setRoomId(8)
                                                        .setReceiverUserId("b")
                                                        .setSenderUserId("a")
                                                        .setSenderStreamType(
                                                                StreamType.STREAM_TYPE_MAIN)
                                                        .setReceivedWidth(1280)
                                                        .setReceivedHeight(720)
                                                        .setStartTime(RecordingFlow.timestamp(from))
                                                        .setEndTime(RecordingFlow.timestamp(to))))
                        .build());
        RecordingFlow.await(
                () -> postpaidMinutes(packages, account, dayY).compareTo(new BigDecimal(100)) == 0,
                PATIENCE,
                "day Y's overflow deducted");
        // Day X was settled at 00:30 of day Y: 0.70 from the 200.00 topped up.
        RecordingFlow.await(
                () -> statement(packages, account, dayX).isPresent(), PATIENCE, "day X settled");
        Statement dayXStatement = statement(packages, account, dayX).orElseThrow();
        assertThat(money(dayXStatement.getChargedAmount())).isEqualByComparingTo("0.70");
        assertThat(money(dayXStatement.getBalanceAfter())).isEqualByComparingTo("199.30");

        // 02:00 of day Y: the 25,000-minute package bought; it deducts nothing until 02:05.
        PrepaidPackage bought = buy25k(packages, account);
        assertThat(bought.getState()).isEqualTo(PackageState.PACKAGE_STATE_PENDING_ACTIVATION);
        assertThat(cash(packages, account)).isEqualByComparingTo("31.30");
        time.pass(Duration.ofMinutes(5));
        RecordingFlow.await(
                () -> packageOf(packages, bought).getState() == PackageState.PACKAGE_STATE_ACTIVE,
                PATIENCE,
                "the package activated");
        // Day Y's overflow taken over, audio 1:1 and HD 1:4 (P-3): 50 + 200 = 250 package minutes.
        assertThat(packageOf(packages, bought).getRemainingMinutes()).isEqualTo(24_750);
        List<Deduction> catchUps =
                deductions(packages, account, dayY).stream()
                        .filter(
                                d ->
                                        d.getKind()
                                                == DeductionKind.DEDUCTION_KIND_ACTIVATION_CATCH_UP)
                        .toList();
        // One catch-up per interval and tier taken over (10 intervals of 5 minutes each).
        assertThat(catchUps).hasSize(20);
        Map<String, Long> packageMinutes =
                catchUps.stream()
                        .collect(
                                Collectors.groupingBy(
                                        d -> d.getTier().name(),
                                        Collectors.summingLong(
                                                d ->
                                                        d.getPackageDeductions(0)
                                                                .getPackageMinutes())));
        assertThat(packageMinutes)
                .containsOnly(
                        Map.entry("RESOLUTION_TIER_AUDIO", 50L),
                        Map.entry("RESOLUTION_TIER_HD", 200L));
        assertThat(postpaidMinutes(packages, account, dayY)).isEqualByComparingTo("0");
        // The day before is never touched: its 100 minutes stay postpaid.
        assertThat(deductions(packages, account, dayX))
                .noneMatch(d -> d.getKind() == DeductionKind.DEDUCTION_KIND_ACTIVATION_CATCH_UP);
        assertThat(postpaidMinutes(packages, account, dayX)).isEqualByComparingTo("100");

        // Day Y settled the next day: nothing left to charge.
        advanceTo(dayY.plusDays(1).atStartOfDay(SHANGHAI).toInstant().plus(Duration.ofMinutes(35)));
        RecordingFlow.await(
                () -> statement(packages, account, dayY).isPresent(), PATIENCE, "day Y settled");
        Statement dayYStatement = statement(packages, account, dayY).orElseThrow();
        assertThat(money(dayYStatement.getChargedAmount())).isEqualByComparingTo("0.00");
        assertThat(money(dayYStatement.getBalanceAfter())).isEqualByComparingTo("31.30");
        assertThat(cash(packages, account)).isEqualByComparingTo("31.30");
    }

    private static String accountOf(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages, long app) {
        return packages.getApp(GetAppRequest.newBuilder().setSdkAppId(app).build())
                .getApp()
                .getAccountId();
    }

    private static PrepaidPackage buy25k(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages, String account) {
        return packages.purchasePackage(
                        PurchasePackageRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccountId(account)
                                .setFixedSize(FixedPackageSize.FIXED_PACKAGE_SIZE_25K)
                                .build())
                .getPrepaidPackage();
    }

    private static PrepaidPackage packageOf(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages, PrepaidPackage bought) {
        return packages.getPackage(
                        GetPackageRequest.newBuilder().setPackageId(bought.getPackageId()).build())
                .getPrepaidPackage();
    }

    /** The account's DAILY statement of a billing day, once settled. */
    private static Optional<Statement> statement(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages,
            String account,
            LocalDate day) {
        return packages
                .listStatements(
                        ListStatementsRequest.newBuilder()
                                .setAccountId(account)
                                .setKind(StatementKind.STATEMENT_KIND_DAILY)
                                .setStartDay(date(day))
                                .setEndDay(date(day))
                                .build())
                .getStatementsList()
                .stream()
                .findFirst();
    }

    private static List<Deduction> deductions(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages,
            String account,
            LocalDate day) {
        return packages.listDeductions(
                        ListDeductionsRequest.newBuilder()
                                .setAccountId(account)
                                .setBillingDay(date(day))
                                .setPageSize(1000)
                                .build())
                .getDeductionsList();
    }

    /** The usage minutes of a billing day left to postpaid, net of activation catch-ups. */
    private static BigDecimal postpaidMinutes(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages,
            String account,
            LocalDate day) {
        return deductions(packages, account, day).stream()
                .map(d -> new BigDecimal(d.getPostpaidUsageMinutes().getValue()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static com.google.type.Date date(LocalDate day) {
        return com.google.type.Date.newBuilder()
                .setYear(day.getYear())
                .setMonth(day.getMonthValue())
                .setDay(day.getDayOfMonth())
                .build();
    }

    private static UsageRecord.Builder presence(long app, String user, Instant from, Instant to) {
        return UsageRecord.newBuilder()
                .setIdempotencyKey(app + "/presence/" + user)
                .setSdkAppId(app)
                .setPresence(
                        PresenceInterval.newBuilder()
                                .setRoomId(8)
                                .setUserId(user)
                                .setStartTime(RecordingFlow.timestamp(from))
                                .setEndTime(RecordingFlow.timestamp(to)));
    }

    /** The next instant whose Shanghai time of day is {@code timeOfDay}, today's if ahead. */
    private Instant next(LocalTime timeOfDay) throws Exception {
        Instant now = time.now();
        ZonedDateTime today = LocalDate.ofInstant(now, SHANGHAI).atTime(timeOfDay).atZone(SHANGHAI);
        return today.toInstant().isAfter(now) ? today.toInstant() : today.plusDays(1).toInstant();
    }

    private Recorder recorder() {
        return new Recorder(
                suite.channel("recording"),
                suite.credentials.channel(suite.service("recording").port, "media"),
                time,
                PATIENCE);
    }

    private RecordingServiceGrpc.RecordingServiceBlockingStub recordingMedia() {
        return RecordingServiceGrpc.newBlockingStub(
                suite.credentials.channel(suite.service("recording").port, "media"));
    }

    /** The ids of the app's files in the media index. */
    private List<String> files(long app) {
        return RecordingServiceGrpc.newBlockingStub(suite.channel("recording"))
                .searchMediaFiles(SearchMediaFilesRequest.newBuilder().setSdkAppId(app).build())
                .getFilesList()
                .stream()
                .map(MediaFile::getFileId)
                .toList();
    }

    private String playbackUrl(long app, MediaFile file) {
        return RecordingServiceGrpc.newBlockingStub(suite.channel("recording"))
                .getPlaybackUrl(
                        GetPlaybackUrlRequest.newBuilder()
                                .setFileId(file.getFileId())
                                .setSdkAppId(app)
                                .build())
                .getUrl();
    }

    /**
     * recording-service refuses the call with FAILED_PRECONDITION ACCOUNT_NOT_IN_SERVICE, naming
     * the account's status.
     */
    private static void assertSuspended(long app, Executable call) {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, call);
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription())
                .isEqualTo("SdkAppId " + app + " is not in service (SUSPENDED_ARREARS).");
        ErrorInfo info =
                StatusProto.fromThrowable(refused).getDetailsList().stream()
                        .filter(detail -> detail.is(ErrorInfo.class))
                        .map(EndToEndFlowsTest::errorInfo)
                        .findFirst()
                        .orElseThrow();
        assertThat(info.getReason()).isEqualTo("ACCOUNT_NOT_IN_SERVICE");
        assertThat(info.getMetadataMap()).containsEntry("statusReason", "SUSPENDED_ARREARS");
    }

    private static ErrorInfo errorInfo(com.google.protobuf.Any detail) {
        try {
            return detail.unpack(ErrorInfo.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static long newApp(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages, String name) {
        return RecordingFlow.newApp(packages, name, "app").getSdkAppId();
    }

    private static EncodeParams.Builder encode720p() {
        return EncodeParams.newBuilder()
                .setVideoWidth(1280)
                .setVideoHeight(720)
                .setVideoBitrate(1500)
                .setVideoFramerate(15);
    }

    private static List<String> laidOut(
            MixingServiceGrpc.MixingServiceBlockingStub mixing, long app, int room) {
        return mixing
                .describeMixTranscode(
                        DescribeMixTranscodeRequest.newBuilder()
                                .setSdkAppId(app)
                                .setRoomId(room)
                                .build())
                .getSession()
                .getLayout()
                .getRegionsList()
                .stream()
                .filter(r -> !r.getPlaceholder())
                .map(Region::getUserId)
                .toList();
    }

    private static java.util.Optional<RecordingTask> mixedTask(
            RecordingServiceGrpc.RecordingServiceBlockingStub recording, long app) {
        return recording
                .listRecordingTasks(ListRecordingTasksRequest.newBuilder().setSdkAppId(app).build())
                .getTasksList()
                .stream()
                .filter(t -> t.getKind() == RecordingTaskKind.RECORDING_TASK_KIND_MIXED)
                .findFirst();
    }

    private static RecordingTask task(
            RecordingServiceGrpc.RecordingServiceBlockingStub recording, String id) {
        return recording
                .getRecordingTask(GetRecordingTaskRequest.newBuilder().setTaskId(id).build())
                .getTask();
    }

    private static void publish(
            RecordingServiceGrpc.RecordingServiceBlockingStub recording,
            long app,
            int room,
            String user,
            int width,
            int height,
            StreamEventKind kind,
            Instant at) {
        recording.reportStreamEvent(
                RecordingFlow.streamEvent(
                        app, room, new RecordingFlow.Anchor(user, width, height), kind, at));
    }

    private Map<String, BigDecimal> lines(long app, LocalDate day) {
        return bill(app, day).getLinesList().stream()
                .collect(Collectors.toMap(EndToEndFlowsTest::key, EndToEndFlowsTest::amount));
    }

    private DailyBill bill(long app, LocalDate day) {
        return RecordingFlow.bill(suite.channel("rating"), app, day);
    }

    private long audioMinutes(long app, LocalDate day) {
        return bill(app, day).getLinesList().stream()
                .filter(
                        l ->
                                l.getItem() == BillableItem.BILLABLE_ITEM_BASE_SERVICE
                                        && l.getTier() == ResolutionTier.RESOLUTION_TIER_AUDIO)
                .mapToLong(BillLine::getMinutes)
                .sum();
    }

    private void advanceTo(Instant target) throws Exception {
        Duration ahead = Duration.between(time.now(), target);
        if (!ahead.isNegative()) {
            time.pass(ahead);
        }
    }

    private static void topUp(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages,
            String account,
            String amount) {
        packages.topUp(
                TopUpRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account)
                        .setAmount(
                                ProtoMoney.money(
                                        new BigDecimal(amount), Currency.getInstance("CNY")))
                        .setFund(FundType.FUND_TYPE_CASH)
                        .build());
    }

    private static BigDecimal cash(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages, String account) {
        return money(
                packages
                        .getBalance(GetBalanceRequest.newBuilder().setAccountId(account).build())
                        .getBalancesList()
                        .stream()
                        .filter(b -> b.getCash().getCurrencyCode().equals("CNY"))
                        .findFirst()
                        .orElseThrow()
                        .getCash());
    }

    private static long trialRemaining(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages, String account) {
        return packages
                .listPackages(ListPackagesRequest.newBuilder().setAccountId(account).build())
                .getPrepaidPackagesList()
                .stream()
                .filter(p -> p.getKind() == PackageKind.PACKAGE_KIND_FREE_TRIAL)
                .mapToLong(PrepaidPackage::getRemainingMinutes)
                .sum();
    }

    private static ServiceStatus status(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages, long app) {
        return packages.getServiceStatus(
                        GetServiceStatusRequest.newBuilder().setSdkAppId(app).build())
                .getStatus();
    }

    private static BigDecimal money(com.google.type.Money money) {
        return ProtoMoney.amount(money);
    }

    private static long minutes(
            RecordingFlow.Report report, BillableItem item, ResolutionTier tier) {
        return report.bill().getLinesList().stream()
                .filter(l -> l.getItem() == item && l.getTier() == tier)
                .mapToLong(BillLine::getMinutes)
                .sum();
    }

    private static String key(BillLine line) {
        return line.getItem().name() + "/" + line.getTier().name();
    }

    private static BigDecimal amount(BillLine line) {
        return new BigDecimal(line.getAmount().getUnits())
                .add(BigDecimal.valueOf(line.getAmount().getNanos(), 9))
                .stripTrailingZeros();
    }

    private RecordingFlow.Channels channels() {
        return new RecordingFlow.Channels(
                suite.channel("package"),
                suite.channel("recording"),
                suite.channel("rating"),
                suite.credentials.channel(suite.service("recording").port, "media"),
                suite.credentials.channel(suite.service("rating").port, "media"));
    }
}
