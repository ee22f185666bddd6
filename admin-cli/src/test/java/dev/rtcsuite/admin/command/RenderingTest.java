package dev.rtcsuite.admin.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.type.Date;
import com.google.type.Decimal;
import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.testing.Cli;
import dev.rtcsuite.admin.testing.Cli.Run;
import dev.rtcsuite.admin.testing.Fixtures;
import dev.rtcsuite.admin.testing.InProcessServices;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.mixing.v1.ComputedLayout;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc;
import dev.rtcsuite.mixing.v1.PreviewLayoutRequest;
import dev.rtcsuite.mixing.v1.PreviewLayoutResponse;
import dev.rtcsuite.mixing.v1.Region;
import dev.rtcsuite.packages.v1.AccountStatus;
import dev.rtcsuite.packages.v1.AppState;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.GetServiceStatusResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.ServiceStatus;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.rating.v1.BillLine;
import dev.rtcsuite.rating.v1.BillState;
import dev.rtcsuite.rating.v1.BucketGranularity;
import dev.rtcsuite.rating.v1.CurrencyTotal;
import dev.rtcsuite.rating.v1.DailyBill;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.GetDailyBillResponse;
import dev.rtcsuite.rating.v1.QuantityUnit;
import dev.rtcsuite.rating.v1.QueryUsageRequest;
import dev.rtcsuite.rating.v1.QueryUsageResponse;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.rating.v1.UsageBucket;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.ListRecordingTasksRequest;
import dev.rtcsuite.recording.v1.ListRecordingTasksResponse;
import dev.rtcsuite.recording.v1.MediaFile;
import dev.rtcsuite.recording.v1.MediaFileState;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import dev.rtcsuite.recording.v1.RecordingTask;
import dev.rtcsuite.recording.v1.RecordingTaskKind;
import dev.rtcsuite.recording.v1.RecordingTaskState;
import dev.rtcsuite.recording.v1.SearchMediaFilesRequest;
import dev.rtcsuite.recording.v1.SearchMediaFilesResponse;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigResponse;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Human output of lists, bills, statuses and previews, and what the commands send. */
class RenderingTest {

    private static final long APP = 1_400_000_001L;

    private final List<Object> received = new ArrayList<>();
    private final InProcessServices services =
            new InProcessServices()
                    .serve(Service.RECORDING, new Recording())
                    .serve(Service.RATING, new Rating())
                    .serve(Service.PACKAGE, new Packages())
                    .serve(Service.MIXING, new Mixing());

    @TempDir Path directory;

    @AfterEach
    void stop() throws InterruptedException {
        services.shutdown();
    }

    @Test
    void allPagesOfTasksAreFetchedWithProgressAndShownAsOneTable() {
        Run run = Cli.run(services, "tasks", "list", "--app", "1400000001", "--room", "7", "--all");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        """
                        TASK ID  ROOM  KIND           STATE      STREAM             CREATED               END REASON
                        task-1   7     SINGLE_STREAM  RECORDING  alice MAIN         2026-11-30T06:00:00Z
                        task-2   7     MIXED          COMPLETED  record_id class-7  2026-11-30T05:00:00Z  STOPPED_BY_API
                        2 tasks
                        """);
        assertThat(run.err()).isEqualTo("fetched page 1: 1 tasks so far…\n");
        assertThat(received)
                .extracting(r -> ((ListRecordingTasksRequest) r).getPageToken())
                .containsExactly("", "page-2");
        assertThat(((ListRecordingTasksRequest) received.get(0)).getRoomId()).isEqualTo(7);
    }

    @Test
    void oneInsteadOfAllPagesTellsHowToGetTheNext() {
        Run run = Cli.run(services, "tasks", "list", "--app", "1400000001");

        assertThat(run.out())
                .endsWith("1 task; more with --page-token page-2 (or --all)\n")
                .contains("task-1")
                .doesNotContain("task-2");
    }

    @Test
    void filesAreListedWithFormatSizeAndDuration() {
        Run run =
                Cli.run(
                        services,
                        "files",
                        "list",
                        "--app",
                        "1400000001",
                        "--format",
                        "hls",
                        "--from",
                        "2026-11-29T16:00:00Z");

        assertThat(run.out())
                .isEqualTo(
                        """
                        FILE ID  NAME                     FORMAT  STATE      SIZE     DURATION  START
                        file-1   class-7_1764482400.m3u8  HLS     AVAILABLE  1048576  PT10M     2026-11-30T06:00:00Z
                        1 file
                        """);
        SearchMediaFilesRequest sent = (SearchMediaFilesRequest) received.get(0);
        assertThat(sent.getFormatsList()).containsExactly(FileFormat.FILE_FORMAT_HLS);
        assertThat(sent.getStartTime()).isEqualTo(Fixtures.at("2026-11-29T16:00:00Z"));
    }

    @Test
    void theDailyBillShowsEachLineAndTheTotals() {
        Run run = Cli.run(services, "bill", "--app", "1400000001", "--day", "2026-11-29");

        assertThat(run.out())
                .isEqualTo(
                        """
                        bill of app 1400000001, account 6f1c2d3e-0000-4000-8000-00000000a001, \
                        2026-11-29 (Asia/Shanghai), CLOSED
                        ITEM          TIER   QUANTITY  UNIT     UNIT PRICE  AMOUNT     ROUNDED
                        BASE_SERVICE  AUDIO  30        MINUTES  0.007 CNY   0.21 CNY   0.21 CNY
                        BASE_SERVICE  SD     7         MINUTES  0.014 CNY   0.098 CNY  0.10 CNY
                        total: 0.31 CNY (exact 0.308 CNY)
                        """);
        GetDailyBillRequest sent = (GetDailyBillRequest) received.get(0);
        assertThat(sent.getSdkAppId()).isEqualTo(APP);
        assertThat(sent.getBillingDay())
                .isEqualTo(Date.newBuilder().setYear(2026).setMonth(11).setDay(29).build());
    }

    @Test
    void usageOfADayAsksForThatDayInTheGivenZone() {
        Run run = Cli.run(services, "usage", "--app", "1400000001", "--day", "2026-11-29");

        QueryUsageRequest sent = (QueryUsageRequest) received.get(0);
        assertThat(sent.getItem()).isEqualTo(BillableItem.BILLABLE_ITEM_BASE_SERVICE);
        assertThat(sent.getStartTime()).isEqualTo(Fixtures.at("2026-11-28T16:00:00Z"));
        assertThat(sent.getEndTime()).isEqualTo(Fixtures.at("2026-11-29T16:00:00Z"));
        assertThat(run.out())
                .isEqualTo(
                        """
                        BASE_SERVICE usage of app 1400000001 (FIVE_MINUTES buckets)
                        START                 TIER   SECONDS  MINUTES
                        2026-11-29T01:00:00Z  AUDIO  300      5
                        2026-11-29T01:05:00Z  AUDIO  61       2
                        total: 7 billable minutes
                        """);
    }

    @Test
    void usageNeedsEitherADayOrARange() {
        Run run =
                Cli.run(
                        services,
                        "usage",
                        "--app",
                        "1400000001",
                        "--day",
                        "2026-11-29",
                        "--from",
                        "2026-11-29T00:00:00Z");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("give either --day, or both --from and --to");
        assertThat(received).isEmpty();
    }

    @Test
    void serviceStatusSaysWhetherAndWhy() {
        Run run = Cli.run(services, "status", "--app", "1400000001");

        assertThat(run.out())
                .isEqualTo(
                        """
                        app 1400000001: NOT in service
                        account: 6f1c2d3e-0000-4000-8000-00000000a001 (STOPPED)
                        app state: ENABLED
                        reason: TRIAL_EXHAUSTED
                        """);
    }

    @Test
    void recordingConfigSetWritesOnlyTheFieldsGiven() {
        Run run =
                Cli.run(
                        services,
                        "recording-config",
                        "set",
                        "--app",
                        "1400000001",
                        "--enabled",
                        "true",
                        "--formats",
                        "hls,mp4",
                        "--resume-seconds",
                        "60",
                        "--callback-key",
                        "0123456789abcdef");

        assertThat(run.exitCode()).isZero();
        UpdateRecordingConfigRequest sent = (UpdateRecordingConfigRequest) received.get(0);
        assertThat(sent.getUpdateMask().getPathsList())
                .containsExactly(
                        "enabled", "formats", "resume_timeout_seconds", "callback_signing_key");
        assertThat(sent.getConfig().getFormatsList())
                .containsExactly(FileFormat.FILE_FORMAT_HLS, FileFormat.FILE_FORMAT_MP4);
        assertThat(sent.getCallbackSigningKey()).isEqualTo("0123456789abcdef");
        assertThat(run.out())
                .isEqualTo(
                        """
                        sdk_app_id: 1400000001
                        enabled: true
                        formats: HLS, MP4
                        max_file_duration_minutes: 0
                        retention_days: 0
                        resume_timeout_seconds: 60
                        callback_key_set: true
                        """);
    }

    @Test
    void recordingConfigSetWithNothingToSetIsAUsageError() {
        Run run = Cli.run(services, "recording-config", "set", "--app", "1400000001");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("nothing to change");
        assertThat(received).isEmpty();
    }

    @Test
    void previewSavesThePngAndPrintsTheRegions() throws Exception {
        Path png = directory.resolve("layout.png");

        Run run =
                Cli.run(
                        services,
                        "mix",
                        "preview",
                        "--template",
                        "grid",
                        "--canvas",
                        "640x360",
                        "--input",
                        "alice",
                        "--input",
                        "bob:aux:1920x1080",
                        "--out",
                        png.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllBytes(png)).isEqualTo(Mixing.PNG.toByteArray());
        PreviewLayoutRequest sent = (PreviewLayoutRequest) received.get(0);
        assertThat(sent.getLayoutParams().getTemplate())
                .isEqualTo(LayoutTemplate.LAYOUT_TEMPLATE_GRID);
        assertThat(sent.getInputs(1).getStreamType()).isEqualTo(StreamType.STREAM_TYPE_AUX);
        assertThat(sent.getInputs(1).getWidth()).isEqualTo(1920);
        assertThat(run.out())
                .isEqualTo(
                        """
                        layout: 640x360, 2 regions
                        USER   STREAM  X    Y  WIDTH  HEIGHT  Z  VIDEO
                        alice  MAIN    0    0  320    360     1  yes
                        bob    AUX     320  0  320    360     1  yes
                        wrote %s (8 bytes)
                        """
                                .formatted(png));
    }

    @Test
    void previewAsJsonLeavesThePngBytesToTheFile() {
        Run run =
                Cli.run(
                        services,
                        "mix",
                        "preview",
                        "--input",
                        "alice",
                        "--out",
                        directory.resolve("x.png").toString(),
                        "--json");

        assertThat(run.out()).startsWith("{\n  \"layout\": {").doesNotContain("\"png\"");
    }

    private final class Recording extends RecordingServiceGrpc.RecordingServiceImplBase {
        @Override
        public void listRecordingTasks(
                ListRecordingTasksRequest request,
                StreamObserver<ListRecordingTasksResponse> answer) {
            received.add(request);
            RecordingTask.Builder task = RecordingTask.newBuilder().setSdkAppId(APP).setRoomId(7);
            answer.onNext(
                    request.getPageToken().isEmpty()
                            ? ListRecordingTasksResponse.newBuilder()
                                    .addTasks(
                                            task.clone()
                                                    .setTaskId("task-1")
                                                    .setKind(
                                                            RecordingTaskKind
                                                                    .RECORDING_TASK_KIND_SINGLE_STREAM)
                                                    .setState(
                                                            RecordingTaskState
                                                                    .RECORDING_TASK_STATE_RECORDING)
                                                    .setUserId("alice")
                                                    .setStreamType(StreamType.STREAM_TYPE_MAIN)
                                                    .setCreateTime(
                                                            Fixtures.at("2026-11-30T06:00:00Z")))
                                    .setNextPageToken("page-2")
                                    .build()
                            : ListRecordingTasksResponse.newBuilder()
                                    .addTasks(
                                            task.clone()
                                                    .setTaskId("task-2")
                                                    .setKind(
                                                            RecordingTaskKind
                                                                    .RECORDING_TASK_KIND_MIXED)
                                                    .setState(
                                                            RecordingTaskState
                                                                    .RECORDING_TASK_STATE_COMPLETED)
                                                    .setEndReason(
                                                            dev.rtcsuite.recording.v1
                                                                    .RecordingTaskEndReason
                                                                    .RECORDING_TASK_END_REASON_STOPPED_BY_API)
                                                    .setRecordId("class-7")
                                                    .setCreateTime(
                                                            Fixtures.at("2026-11-30T05:00:00Z")))
                                    .build());
            answer.onCompleted();
        }

        @Override
        public void searchMediaFiles(
                SearchMediaFilesRequest request, StreamObserver<SearchMediaFilesResponse> answer) {
            received.add(request);
            answer.onNext(
                    SearchMediaFilesResponse.newBuilder()
                            .addFiles(
                                    MediaFile.newBuilder()
                                            .setFileId("file-1")
                                            .setName("class-7_1764482400.m3u8")
                                            .setFormat(FileFormat.FILE_FORMAT_HLS)
                                            .setState(MediaFileState.MEDIA_FILE_STATE_AVAILABLE)
                                            .setSizeBytes(1_048_576)
                                            .setDuration(Duration.newBuilder().setSeconds(600))
                                            .setStartTime(Fixtures.at("2026-11-30T06:00:00Z")))
                            .build());
            answer.onCompleted();
        }

        @Override
        public void updateRecordingConfig(
                UpdateRecordingConfigRequest request,
                StreamObserver<UpdateRecordingConfigResponse> answer) {
            received.add(request);
            answer.onNext(
                    UpdateRecordingConfigResponse.newBuilder()
                            .setConfig(
                                    RecordingConfig.newBuilder()
                                            .setSdkAppId(APP)
                                            .setEnabled(true)
                                            .addAllFormats(request.getConfig().getFormatsList())
                                            .setResumeTimeoutSeconds(60)
                                            .setCallbackKeySet(true))
                            .build());
            answer.onCompleted();
        }
    }

    private final class Rating extends RatingServiceGrpc.RatingServiceImplBase {
        @Override
        public void getDailyBill(
                GetDailyBillRequest request, StreamObserver<GetDailyBillResponse> answer) {
            received.add(request);
            answer.onNext(
                    GetDailyBillResponse.newBuilder()
                            .setBill(
                                    DailyBill.newBuilder()
                                            .setAccountId(Fixtures.ACCOUNT_ID)
                                            .setSdkAppId(APP)
                                            .setBillingDay(request.getBillingDay())
                                            .setBillingTimeZone("Asia/Shanghai")
                                            .setState(BillState.BILL_STATE_CLOSED)
                                            .addLines(
                                                    line(
                                                            ResolutionTier.RESOLUTION_TIER_AUDIO,
                                                            30,
                                                            7_000_000,
                                                            210_000_000,
                                                            210_000_000))
                                            .addLines(
                                                    line(
                                                            ResolutionTier.RESOLUTION_TIER_SD,
                                                            7,
                                                            14_000_000,
                                                            98_000_000,
                                                            100_000_000))
                                            .addTotals(
                                                    CurrencyTotal.newBuilder()
                                                            .setExactAmount(
                                                                    Fixtures.money(
                                                                            0, 308_000_000, "CNY"))
                                                            .setRoundedAmount(
                                                                    Fixtures.money(
                                                                            0,
                                                                            310_000_000,
                                                                            "CNY"))))
                            .build());
            answer.onCompleted();
        }

        private static BillLine line(
                ResolutionTier tier, long minutes, int unitNanos, int amountNanos, int rounded) {
            return BillLine.newBuilder()
                    .setItem(BillableItem.BILLABLE_ITEM_BASE_SERVICE)
                    .setTier(tier)
                    .setMinutes(minutes)
                    .setQuantity(Decimal.newBuilder().setValue(Long.toString(minutes)))
                    .setUnit(QuantityUnit.QUANTITY_UNIT_MINUTES)
                    .setUnitPrice(Fixtures.money(0, unitNanos, "CNY"))
                    .setAmount(Fixtures.money(0, amountNanos, "CNY"))
                    .setRoundedAmount(Fixtures.money(0, rounded, "CNY"))
                    .build();
        }

        @Override
        public void queryUsage(
                QueryUsageRequest request, StreamObserver<QueryUsageResponse> answer) {
            received.add(request);
            Instant start = Instant.parse("2026-11-29T01:00:00Z");
            answer.onNext(
                    QueryUsageResponse.newBuilder()
                            .setGranularity(BucketGranularity.BUCKET_GRANULARITY_FIVE_MINUTES)
                            .addBuckets(bucket(start, 300, 5))
                            .addBuckets(bucket(start.plusSeconds(300), 61, 2))
                            .build());
            answer.onCompleted();
        }

        private static UsageBucket bucket(Instant start, long seconds, long minutes) {
            return UsageBucket.newBuilder()
                    .setStartTime(Fixtures.at(start.toString()))
                    .setEndTime(Fixtures.at(start.plusSeconds(300).toString()))
                    .setTier(ResolutionTier.RESOLUTION_TIER_AUDIO)
                    .setSeconds(seconds)
                    .setBillableMinutes(minutes)
                    .build();
        }
    }

    private final class Packages extends PackagesServiceGrpc.PackagesServiceImplBase {
        @Override
        public void getServiceStatus(
                GetServiceStatusRequest request, StreamObserver<GetServiceStatusResponse> answer) {
            received.add(request);
            answer.onNext(
                    GetServiceStatusResponse.newBuilder()
                            .setStatus(
                                    ServiceStatus.newBuilder()
                                            .setSdkAppId(request.getSdkAppId())
                                            .setAccountId(Fixtures.ACCOUNT_ID)
                                            .setInService(false)
                                            .setAccountStatus(AccountStatus.ACCOUNT_STATUS_STOPPED)
                                            .setAppState(AppState.APP_STATE_ENABLED)
                                            .setReason(
                                                    ServiceStatusReason
                                                            .SERVICE_STATUS_REASON_TRIAL_EXHAUSTED)
                                            .setAsOfTime(Fixtures.at("2026-11-30T06:00:00Z")))
                            .build());
            answer.onCompleted();
        }
    }

    private final class Mixing extends MixingServiceGrpc.MixingServiceImplBase {
        static final ByteString PNG =
                ByteString.copyFrom(
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});

        @Override
        public void previewLayout(
                PreviewLayoutRequest request, StreamObserver<PreviewLayoutResponse> answer) {
            received.add(request);
            int half = request.getCanvasWidth() / 2;
            ComputedLayout.Builder layout =
                    ComputedLayout.newBuilder()
                            .setCanvasWidth(request.getCanvasWidth())
                            .setCanvasHeight(request.getCanvasHeight());
            for (int i = 0; i < request.getInputsCount(); i++) {
                layout.addRegions(
                        Region.newBuilder()
                                .setUserId(request.getInputs(i).getUserId())
                                .setStreamType(request.getInputs(i).getStreamType())
                                .setX(i * half)
                                .setWidth(half)
                                .setHeight(request.getCanvasHeight())
                                .setZ(1)
                                .setMixVideo(true));
            }
            answer.onNext(PreviewLayoutResponse.newBuilder().setLayout(layout).setPng(PNG).build());
            answer.onCompleted();
        }
    }
}
