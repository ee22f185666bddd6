package dev.rtcsuite.suite.flows;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.packages.v1.App;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.ListPackagesRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.PrepaidPackage;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.rating.v1.DailyBill;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.PresenceInterval;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.rating.v1.SubscriptionInterval;
import dev.rtcsuite.rating.v1.UsageRecord;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.ListRecordingTasksRequest;
import dev.rtcsuite.recording.v1.MediaFile;
import dev.rtcsuite.recording.v1.RecordedFile;
import dev.rtcsuite.recording.v1.RecorderEvent;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.RecordingTask;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import dev.rtcsuite.recording.v1.ReportRecorderEventRequest;
import dev.rtcsuite.recording.v1.ReportStreamEventRequest;
import dev.rtcsuite.recording.v1.StreamEvent;
import dev.rtcsuite.recording.v1.StreamEventKind;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import io.grpc.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Flow 1 of issue #8, through the public gRPC APIs only: an account with a free trial → an app →
 * recording configured (HLS, resume 60 s, callbacks to a local receiver) → three anchors (SD,
 * audio-only, FHD) in one room, each subscribing to the others → files, callbacks and recording
 * usage → the day's bill at rating-service and the trial's deduction at package-service.
 */
public final class RecordingFlow {

    /** An anchor of the room: what it publishes (0 × 0: audio only). */
    public record Anchor(String userId, int width, int height) {
        boolean video() {
            return width > 0;
        }
    }

    public static final List<Anchor> ANCHORS =
            List.of(
                    new Anchor("anchor-sd", 640, 480),
                    new Anchor("anchor-audio", 0, 0),
                    new Anchor("anchor-fhd", 1920, 1080));
    public static final int RESUME_SECONDS = 60;
    public static final int ROOM = 2_024;
    static final ZoneId BILLING_ZONE = ZoneId.of("Asia/Shanghai");

    /** What the flow produced, as the services report it. */
    public record Report(
            String accountId,
            long sdkAppId,
            Instant start,
            Instant end,
            List<RecordingTask> tasks,
            List<MediaFile> files,
            List<CallbackReceiver.Received> callbacks,
            DailyBill bill,
            List<PrepaidPackage> packages) {}

    /** The admin's channel to each service and the media plane's to recording and rating. */
    public record Channels(
            Channel packageAdmin,
            Channel recordingAdmin,
            Channel ratingAdmin,
            Channel recordingMedia,
            Channel ratingMedia) {}

    private final Channels channels;
    private final SuiteTime time;
    private final Consumer<String> progress;

    public RecordingFlow(Channels channels, SuiteTime time, Consumer<String> progress) {
        this.channels = channels;
        this.time = time;
        this.progress = progress;
    }

    /**
     * Runs the flow with the anchors streaming for {@code streaming}; waits at most {@code
     * patience} for each asynchronous outcome (task states, callbacks, rated usage and, if asked,
     * the trial's deduction, which follows once the day's 5-minute intervals close).
     */
    public Report run(
            Duration streaming,
            Duration transferDelay,
            Duration patience,
            CallbackReceiver receiver)
            throws Exception {
        var packages = PackagesServiceGrpc.newBlockingStub(channels.packageAdmin());
        var recordingAdmin = RecordingServiceGrpc.newBlockingStub(channels.recordingAdmin());
        var recordingMedia = RecordingServiceGrpc.newBlockingStub(channels.recordingMedia());

        App created = newApp(packages, "Demo Classroom Ltd", "demo-classroom");
        String accountId = created.getAccountId();
        long app = created.getSdkAppId();
        progress.accept("account " + accountId + ", app " + app + " (free trial granted)");

        recordingAdmin.updateRecordingConfig(
                UpdateRecordingConfigRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setConfig(
                                RecordingConfig.newBuilder()
                                        .setSdkAppId(app)
                                        .setEnabled(true)
                                        .setMode(RecordingMode.RECORDING_MODE_GLOBAL_AUTO)
                                        .addFormats(FileFormat.FILE_FORMAT_HLS)
                                        .setResumeTimeoutSeconds(RESUME_SECONDS)
                                        .setCallbackUrl(receiver.url()))
                        .setCallbackSigningKey("demo-callback-signing-key-" + UUID.randomUUID())
                        .setUpdateMask(
                                FieldMask.newBuilder()
                                        .addAllPaths(
                                                List.of(
                                                        "enabled",
                                                        "mode",
                                                        "formats",
                                                        "resume_timeout_seconds",
                                                        "callback_url",
                                                        "callback_signing_key")))
                        .build());
        progress.accept(
                "recording on: global automatic, HLS, resume 60 s, callbacks to " + receiver.url());

        Instant start = time.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (Anchor anchor : ANCHORS) {
            recordingMedia.reportStreamEvent(
                    streamEvent(
                            app, ROOM, anchor, StreamEventKind.STREAM_EVENT_KIND_PUBLISHED, start));
        }
        List<RecordingTask> pending = tasks(app);
        for (RecordingTask task : pending) {
            recordingMedia.reportRecorderEvent(
                    recorderEvent(
                            task.getTaskId(),
                            RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED,
                            start,
                            null));
        }
        progress.accept(
                pending.size()
                        + " recording tasks started; the anchors stream for "
                        + streaming.toSeconds()
                        + " s");

        time.pass(streaming);
        Instant end = start.plus(streaming);
        for (Anchor anchor : ANCHORS) {
            recordingMedia.reportStreamEvent(
                    streamEvent(
                            app, ROOM, anchor, StreamEventKind.STREAM_EVENT_KIND_UNPUBLISHED, end));
        }
        reportBaseUsage(app, start, end);
        progress.accept("anchors left at " + end + "; the resume window (60 s) runs");

        time.pass(Duration.ofSeconds(RESUME_SECONDS));
        await(
                () ->
                        tasks(app).stream()
                                .allMatch(
                                        t ->
                                                t.getState()
                                                        == RecordingTaskState
                                                                .RECORDING_TASK_STATE_FINALIZING),
                patience,
                "tasks finalizing after the resume window");
        List<MediaFile> files = new ArrayList<>();
        for (RecordingTask task : tasks(app)) {
            files.add(
                    recordingMedia
                            .reportRecorderEvent(
                                    recorderEvent(
                                            task.getTaskId(),
                                            RecorderEventKind.RECORDER_EVENT_KIND_FILE_UPLOADED,
                                            end,
                                            Recorder.uploaded(task.getTaskId(), start, end)))
                            .getFile());
        }
        progress.accept(
                files.size()
                        + " files uploaded; storage transfer ("
                        + transferDelay.toSeconds()
                        + " s) runs");

        time.pass(transferDelay);
        await(
                () ->
                        tasks(app).stream()
                                .allMatch(
                                        t ->
                                                t.getState()
                                                        == RecordingTaskState
                                                                .RECORDING_TASK_STATE_COMPLETED),
                patience,
                "tasks completed after the transfer");
        await(
                () ->
                        receiver.received().stream()
                                        .filter(r -> r.body().contains("\"event_type\":100"))
                                        .count()
                                >= ANCHORS.size(),
                patience,
                "a callback per file");
        LocalDate day = LocalDate.ofInstant(start, BILLING_ZONE);
        await(() -> recordingLines(bill(app, day)) >= 3, patience, "recording usage rated");
        progress.accept("tasks completed, callbacks delivered, usage rated");

        return new Report(
                accountId,
                app,
                start,
                end,
                tasks(app),
                files,
                receiver.received(),
                bill(app, day),
                packages.listPackages(
                                ListPackagesRequest.newBuilder().setAccountId(accountId).build())
                        .getPrepaidPackagesList());
    }

    /** A new account, with the free trial and the continue policy, and its first app. */
    public static App newApp(
            PackagesServiceGrpc.PackagesServiceBlockingStub packages,
            String accountName,
            String appName) {
        String accountId =
                packages.createAccount(
                                CreateAccountRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setDisplayName(accountName)
                                        .setTrialExhaustionPolicy(
                                                TrialExhaustionPolicy
                                                        .TRIAL_EXHAUSTION_POLICY_CONTINUE)
                                        .build())
                        .getAccount()
                        .getAccountId();
        return packages.createApp(
                        CreateAppRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccountId(accountId)
                                .setName(appName)
                                .build())
                .getApp();
    }

    private List<RecordingTask> tasks(long app) {
        return RecordingServiceGrpc.newBlockingStub(channels.recordingAdmin())
                .listRecordingTasks(ListRecordingTasksRequest.newBuilder().setSdkAppId(app).build())
                .getTasksList();
    }

    private DailyBill bill(long app, LocalDate day) {
        return bill(channels.ratingAdmin(), app, day);
    }

    /** The app's bill of a billing day at rating-service. */
    public static DailyBill bill(Channel rating, long app, LocalDate day) {
        return RatingServiceGrpc.newBlockingStub(rating)
                .getDailyBill(
                        GetDailyBillRequest.newBuilder()
                                .setSdkAppId(app)
                                .setBillingDay(
                                        Date.newBuilder()
                                                .setYear(day.getYear())
                                                .setMonth(day.getMonthValue())
                                                .setDay(day.getDayOfMonth()))
                                .build())
                .getBill();
    }

    private static long recordingLines(DailyBill bill) {
        return bill.getLinesList().stream()
                .filter(l -> l.getItem().name().contains("RECORDING"))
                .count();
    }

    /** Presences and subscriptions of the anchors, as the media plane reports them to rating. */
    private void reportBaseUsage(long app, Instant start, Instant end) {
        IngestUsageRequest.Builder usage =
                IngestUsageRequest.newBuilder().setRequestId(UUID.randomUUID().toString());
        for (Anchor receiver : ANCHORS) {
            usage.addRecords(
                    UsageRecord.newBuilder()
                            .setIdempotencyKey("presence/" + receiver.userId())
                            .setSdkAppId(app)
                            .setPresence(
                                    PresenceInterval.newBuilder()
                                            .setRoomId(ROOM)
                                            .setUserId(receiver.userId())
                                            .setStartTime(timestamp(start))
                                            .setEndTime(timestamp(end))));
            for (Anchor sender : ANCHORS) {
                if (sender != receiver) {
                    usage.addRecords(
                            UsageRecord.newBuilder()
                                    .setIdempotencyKey(
                                            "subscription/"
                                                    + receiver.userId()
                                                    + "/"
                                                    + sender.userId())
                                    .setSdkAppId(app)
                                    .setSubscription(
                                            SubscriptionInterval.newBuilder()
                                                    .setRoomId(ROOM)
                                                    .setReceiverUserId(receiver.userId())
                                                    .setSenderUserId(sender.userId())
                                                    .setSenderStreamType(
                                                            StreamType.STREAM_TYPE_MAIN)
                                                    .setReceivedWidth(sender.width())
                                                    .setReceivedHeight(sender.height())
                                                    .setStartTime(timestamp(start))
                                                    .setEndTime(timestamp(end))));
                }
            }
        }
        RatingServiceGrpc.newBlockingStub(channels.ratingMedia()).ingestUsage(usage.build());
    }

    public static ReportStreamEventRequest streamEvent(
            long app, int room, Anchor anchor, StreamEventKind kind, Instant at) {
        return ReportStreamEventRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setEvent(
                        StreamEvent.newBuilder()
                                .setEventId(UUID.randomUUID().toString())
                                .setKind(kind)
                                .setSdkAppId(app)
                                .setRoomId(room)
                                .setUserId(anchor.userId())
                                .setStreamType(StreamType.STREAM_TYPE_MAIN)
                                .setHasAudio(true)
                                .setHasVideo(anchor.video())
                                .setWidth(anchor.width())
                                .setHeight(anchor.height())
                                .setEventTime(timestamp(at))
                                .setUserEnterTime(timestamp(at)))
                .build();
    }

    public static ReportRecorderEventRequest recorderEvent(
            String taskId, RecorderEventKind kind, Instant at, RecordedFile file) {
        RecorderEvent.Builder event =
                RecorderEvent.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setTaskId(taskId)
                        .setKind(kind)
                        .setWorkerId("demo-recorder-1")
                        .setEventTime(timestamp(at));
        if (file != null) {
            event.setFile(file);
        }
        return ReportRecorderEventRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setEvent(event)
                .build();
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /**
     * Polls {@code condition} every 200 ms for up to {@code patience}; fails naming what it
     * awaited.
     */
    public static void await(BooleanSupplier condition, Duration patience, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "gave up waiting for " + what + " after " + patience.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }
}
