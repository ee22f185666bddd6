package dev.rtcsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.type.Date;
import dev.rtcsuite.admin.AdminCli;
import dev.rtcsuite.admin.CommandLineSetup;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.mixing.v1.LayoutParams;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.MixInput;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc;
import dev.rtcsuite.mixing.v1.PreviewLayoutRequest;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.rating.v1.RecordingSegment;
import dev.rtcsuite.rating.v1.RecordingType;
import dev.rtcsuite.rating.v1.UsageRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * The admin CLI against the four real services over TLS with the admin certificate and token: the
 * commands whose RPCs are implemented today, each output asserted exactly. The health check runs
 * the packaged CLI (admin-cli/target/quarkus-app) as an operator runs it; the other commands run
 * the same command line in this JVM, which spares a JVM start per command.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCliSuiteTest {

    private RunningSuite suite;
    private Path root;
    private String accountId;
    private long sdkAppId;

    record Run(int exitCode, String out, String err) {}

    @BeforeAll
    void startTheSuite() throws Exception {
        root = Path.of(System.getProperty("rtcsuite.root", "..")).toAbsolutePath();
        suite = RunningSuite.startPatiently("admin-cli");
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        suite.close();
    }

    @Test
    @Order(1)
    void everyServiceIsHealthy() throws Exception {
        Run run = packaged("health");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        String.format(
                                """
                                SERVICE            TARGET           STATUS
                                recording-service  127.0.0.1:%d  SERVING
                                mixing-service     127.0.0.1:%d  SERVING
                                rating-service     127.0.0.1:%d  SERVING
                                package-service    127.0.0.1:%d  SERVING
                                """,
                                port("recording"),
                                port("mixing"),
                                port("rating"),
                                port("package")));
    }

    @Test
    @Order(2)
    void createsAnAccountAndARetryWithTheSameRequestIdReturnsTheSameAccount() throws Exception {
        String requestId = "cli-account-" + UUID.randomUUID();
        String[] create = {
            "account",
            "create",
            "--name",
            "CLI Classroom Ltd",
            "--trial-policy",
            "STOP",
            "--request-id",
            requestId
        };

        Run human = admin(create);
        Run retryAsJson = admin(append(create, "--json"));

        assertThat(human.exitCode()).as(human.err()).isZero();
        accountId = field(retryAsJson.out(), "accountId");
        assertThat(human.out())
                .isEqualTo(
                        """
                        account_id: %s
                        display_name: CLI Classroom Ltd
                        billing_time_zone: Asia/Shanghai
                        trial_exhaustion_policy: STOP
                        status: ACTIVE
                        create_time: %s
                        update_time: %s
                        postpaid_enabled: false
                        settlement_cycle: DAILY
                        status_reason: NONE
                        enterprise_verified: false
                        legacy_recording_plan: false
                        """
                                .formatted(
                                        accountId,
                                        field(retryAsJson.out(), "createTime"),
                                        field(retryAsJson.out(), "updateTime")));
    }

    @Test
    @Order(3)
    void createsAnAppWhoseServiceStatusIsInService() throws Exception {
        String requestId = "cli-app-" + UUID.randomUUID();
        String[] create = {
            "app",
            "create",
            "--account",
            accountId,
            "--name",
            "cli-classroom",
            "--request-id",
            requestId
        };

        Run human = admin(create);
        Run retryAsJson = admin(append(create, "--json"));
        sdkAppId = Long.parseLong(field(retryAsJson.out(), "sdkAppId"));
        Run status = admin("status", "--app", Long.toString(sdkAppId));

        assertThat(human.exitCode()).as(human.err()).isZero();
        assertThat(human.out())
                .isEqualTo(
                        """
                        sdk_app_id: %d
                        account_id: %s
                        name: cli-classroom
                        state: ENABLED
                        create_time: %s
                        update_time: %s
                        """
                                .formatted(
                                        sdkAppId,
                                        accountId,
                                        field(retryAsJson.out(), "createTime"),
                                        field(retryAsJson.out(), "updateTime")));
        assertThat(status.out())
                .isEqualTo(
                        """
                        app %d: in service
                        account: %s (ACTIVE)
                        app state: ENABLED
                        reason: NONE
                        """
                                .formatted(sdkAppId, accountId));
    }

    @Test
    @Order(4)
    void badInputIsShownWithEveryFieldViolation() throws Exception {
        Run run = admin("app", "create", "--account", "not-an-id", "--name", "");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        """
                        error: package-service (127.0.0.1:%d) answered INVALID_ARGUMENT: \
                        The request has invalid fields: name must be 1–128 characters, was 0; \
                        account_id must be an account id (a UUID); was 'not-an-id'
                          reason: VALIDATION_FAILED (packages.rtcsuite.dev)
                          fields: name,account_id
                          violationCount: 2
                          field name: must be 1–128 characters, was 0
                          field account_id: must be an account id (a UUID); was 'not-an-id'
                        """
                                .formatted(port("package")));
    }

    /** Half an hour of one user alone in a room, two days ago (a closed billing day). */
    @Test
    @Order(5)
    void showsTheUsageAndTheDailyBillOfRatedUsage() throws Exception {
        LocalDate day = LocalDate.now(AloneInARoom.SHANGHAI).minusDays(2);
        Instant start = AloneInARoom.start(day);
        AloneInARoom.billAfter(suite.channel("rating"), sdkAppId, "cli-presence", day, 1800);

        Run usage = admin("usage", "--app", Long.toString(sdkAppId), "--day", day.toString());
        Run bill = admin("bill", "--app", Long.toString(sdkAppId), "--day", day.toString());

        assertThat(usage.exitCode()).as(usage.err()).isZero();
        StringBuilder buckets = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            buckets.append(start.plusSeconds(300L * i)).append("  AUDIO  300      5\n");
        }
        assertThat(usage.out())
                .isEqualTo(
                        "BASE_SERVICE usage of app "
                                + sdkAppId
                                + " (FIVE_MINUTES buckets)\n"
                                + "START                 TIER   SECONDS  MINUTES\n"
                                + buckets
                                + "total: 30 billable minutes\n");
        // SPEC R-3: 30 audio minutes × 7.00 CNY per 1,000 minutes = 0.21 CNY.
        assertThat(bill.out())
                .isEqualTo(
                        """
                        bill of app %d, account %s, %s (Asia/Shanghai), CLOSED
                        ITEM          TIER   QUANTITY  UNIT     UNIT PRICE  AMOUNT    ROUNDED
                        BASE_SERVICE  AUDIO  30        MINUTES  0.007 CNY   0.21 CNY  0.21 CNY
                        total: 0.21 CNY (exact 0.21 CNY)
                        """
                                .formatted(sdkAppId, accountId, day));
    }

    /** MIXING.md template 1: 3 inputs → 2×2 cells, the incomplete last row centred. */
    @Test
    @Order(6)
    void savesTheLayoutPreviewPngOfAGrid() throws Exception {
        Path png = Files.createDirectories(Path.of("target", "admin-cli")).resolve("grid.png");

        Run run =
                admin(
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
                        "--input",
                        "carol:640x480",
                        "--out",
                        png.toAbsolutePath().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] written = Files.readAllBytes(png);
        assertThat(run.out())
                .isEqualTo(
                        """
                        layout: 640x360, 3 regions
                        USER   STREAM  X    Y    WIDTH  HEIGHT  Z  VIDEO
                        alice  MAIN    0    0    320    180     0  yes
                        bob    AUX     320  0    320    180     0  yes
                        carol  MAIN    160  180  320    180     0  yes
                        wrote %s (%d bytes)
                        """
                                .formatted(png.toAbsolutePath(), written.length));
        assertThat(new String(written, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(ByteBuffer.wrap(written, 16, 8).getInt()).isEqualTo(640);
        assertThat(ByteBuffer.wrap(written, 20, 4).getInt()).isEqualTo(360);
        assertThat(written).isEqualTo(previewDirectly());
    }

    @Test
    @Order(7)
    void setsTheRecordingConfigurationAndAListOfTasksOrFilesMayBeEmpty() throws Exception {
        String app = Long.toString(sdkAppId);
        String[] set = {
            "recording-config",
            "set",
            "--app",
            app,
            "--enabled",
            "true",
            "--formats",
            "hls",
            "--resume-seconds",
            "60",
            "--retention-days",
            "30",
            "--request-id",
            "cli-config-" + UUID.randomUUID()
        };

        Run human = admin(set);
        Run retryAsJson = admin(append(set, "--json"));
        Run get = admin("recording-config", "get", "--app", app);
        Run tasks = admin("tasks", "list", "--app", app);
        Run files = admin("files", "list", "--app", app, "--all");

        assertThat(human.exitCode()).as(human.err()).isZero();
        String expected =
                """
                sdk_app_id: %d
                enabled: true
                mode: GLOBAL_AUTO
                formats: HLS
                max_file_duration_minutes: 120
                retention_days: 30
                resume_timeout_seconds: 60
                callback_key_set: false
                update_time: %s
                """
                        .formatted(sdkAppId, field(retryAsJson.out(), "updateTime"));
        assertThat(human.out()).isEqualTo(expected);
        assertThat(get.out()).isEqualTo(expected);
        assertThat(tasks.out())
                .isEqualTo("TASK ID  ROOM  KIND  STATE  STREAM  CREATED  END REASON\n0 tasks\n");
        assertThat(files.out())
                .isEqualTo("FILE ID  NAME  FORMAT  STATE  SIZE  DURATION  START\n0 files\n");
    }

    /** SPEC P-3: the 25,000-minute package costs 168.00 CNY, paid from the topped-up balance. */
    @Test
    @Order(8)
    void topsUpBuysListsAndRequestsTheRefundOfAPackage() throws Exception {
        // An account of its own, without apps or usage: its balance moves only here.
        String buyer =
                field(
                        admin(
                                        "account",
                                        "create",
                                        "--name",
                                        "CLI Buyer Ltd",
                                        "--trial-policy",
                                        "CONTINUE",
                                        "--json")
                                .out(),
                        "accountId");
        String[] topUp = {
            "top-up",
            "--account",
            buyer,
            "--amount",
            "200.00",
            "--reference",
            "order-1",
            "--request-id",
            "cli-topup-" + UUID.randomUUID()
        };

        Run topped = admin(topUp);
        Run toppedAsJson = admin(append(topUp, "--json"));
        Run bought = admin("package", "buy", "--account", buyer, "--size", "25k");
        Run listed = admin("package", "list", "--account", buyer, "--json");
        List<String> packageIds = all(listed.out(), "packageId");
        Run refund = admin("package", "refund", packageIds.get(0), "--reason", "bought by mistake");
        Run afterRefund = admin("package", "list", "--account", buyer);

        assertThat(topped.exitCode()).as(topped.err()).isZero();
        assertThat(topped.out())
                .isEqualTo(
                        """
                        account_id: %s
                        cash: 200.00 CNY
                        income_transfer: 0.00 CNY
                        gift: 0.00 CNY
                        total: 200.00 CNY
                        unsettled_charges: 0.00 CNY
                        as_of_time: %s
                        """
                                .formatted(buyer, field(toppedAsJson.out(), "asOfTime")));
        assertThat(bought.exitCode()).as(bought.err()).isZero();
        assertThat(refund.exitCode()).as(refund.err()).isZero();
        assertThat(refund.out()).contains("state: PENDING_REVIEW\n", "amount: 168.00 CNY\n");
        LocalDate today = LocalDate.now(AloneInARoom.SHANGHAI);
        LocalDate lastValidDay =
                today.plusYears(1).withDayOfMonth(today.plusYears(1).lengthOfMonth());
        String row = "%-38s%-9s%-16s%-17s%-12s%-16s%s\n";
        assertThat(afterRefund.out())
                .isEqualTo(
                        row.formatted(
                                        "PACKAGE ID",
                                        "KIND",
                                        "STATE",
                                        "REMAINING",
                                        "PRICE",
                                        "LAST VALID DAY",
                                        "REFUNDABLE")
                                + row.formatted(
                                        packageIds.get(0),
                                        "GENERAL",
                                        "REFUND_PENDING",
                                        "25000/25000 min",
                                        "168.00 CNY",
                                        lastValidDay,
                                        "no")
                                + "1 package\n");
    }

    /**
     * SPEC P-7: an operator lists the pending refunds, approves one (the money goes back, the
     * package is REFUNDED) and rejects another (the package deducts again); a refund decided twice
     * is refused with the reason.
     */
    @Test
    @Order(9)
    void reviewsRefundsApprovingOneAndRejectingAnother() throws Exception {
        String buyer = newAccount("CLI Refunds Ltd");
        admin("top-up", "--account", buyer, "--amount", "336.00");
        List<String> refunds = new ArrayList<>();
        List<String> packageIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String packageId =
                    field(
                            admin("package", "buy", "--account", buyer, "--size", "25K", "--json")
                                    .out(),
                            "packageId");
            packageIds.add(packageId);
            refunds.add(field(admin("package", "refund", packageId, "--json").out(), "refundId"));
        }

        Run pending = admin("refund", "list", "--account", buyer, "--state", "pending_review");
        Run approved = admin("refund", "approve", refunds.get(0), "--reviewer", "ops-lin");
        Run rejected =
                admin(
                        "refund",
                        "reject",
                        refunds.get(1),
                        "--reviewer",
                        "ops-lin",
                        "--reason",
                        "suspected abuse");
        Run twice = admin("refund", "approve", refunds.get(1), "--reviewer", "ops-lin");
        Run packages = admin("package", "list", "--account", buyer);
        Run balance = admin("top-up", "--account", buyer, "--amount", "0.01");

        assertThat(pending.exitCode()).as(pending.err()).isZero();
        assertThat(pending.out())
                .contains(refunds.get(0), refunds.get(1))
                .endsWith("2 refunds\n")
                .containsPattern("\\n" + refunds.get(1) + " .*PENDING_REVIEW  168.00 CNY ");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(approved.out())
                .contains(
                        "refund_id: " + refunds.get(0) + "\n",
                        "package_id: " + packageIds.get(0) + "\n",
                        "state: APPROVED\n",
                        "amount: 168.00 CNY\n",
                        "reviewer: ops-lin\n");
        assertThat(rejected.exitCode()).as(rejected.err()).isZero();
        assertThat(rejected.out())
                .contains(
                        "state: REJECTED\n",
                        "rejection_reason: suspected abuse\n",
                        "reviewer: ops-lin\n");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.out()).isEmpty();
        assertThat(twice.err())
                .startsWith(
                        "error: package-service (127.0.0.1:"
                                + port("package")
                                + ") answered FAILED_PRECONDITION: ")
                .contains("  reason: REFUND_ALREADY_DECIDED (packages.rtcsuite.dev)\n");
        assertThat(packages.out())
                .containsPattern(packageIds.get(0) + " +GENERAL +REFUNDED ")
                .containsPattern(packageIds.get(1) + " +GENERAL +(PENDING_ACTIVATION|ACTIVE) ");
        // 336.00 − 2 × 168.00 + 168.00 refunded + 0.01.
        assertThat(balance.out()).contains("cash: 168.01 CNY\n");
    }

    /**
     * SPEC P-5: a day's value-added usage settled on request against a zero balance: 100 FHD
     * recording minutes × 31/1000 = 3.10, charged, the balance −3.10 and the arrears started. A
     * second settle shows the same statement.
     */
    @Test
    @Order(10)
    void settlesADayAndShowsTheStatement() throws Exception {
        String account = newAccount("CLI Settlement Ltd");
        long app =
                Long.parseLong(
                        field(
                                admin(
                                                "app",
                                                "create",
                                                "--account",
                                                account,
                                                "--name",
                                                "cli-settled",
                                                "--json")
                                        .out(),
                                "sdkAppId"));
        LocalDate day = LocalDate.now(AloneInARoom.SHANGHAI).minusDays(3);
        recordFhd(app, day, 6_000);

        Run settled = admin("settle", "--day", day.toString(), "--account", account);
        Run again = admin("settle", "--day", day.toString(), "--account", account, "--json");

        assertThat(settled.exitCode()).as(settled.err()).isZero();
        assertThat(settled.out())
                .isEqualTo(
                        """
                        DAILY statement %s of account %s, %s, SETTLED
                        APP         ITEM                     TIER  QUANTITY  AMOUNT    ROUNDED
                        %d  RECORDING_SINGLE_STREAM  FHD   100       3.10 CNY  3.10 CNY
                        total: 3.10 CNY, charged: 3.10 CNY, balance after: -3.10 CNY \
                        (arrears started)
                        """
                                .formatted(field(again.out(), "statementId"), account, day, app));
        assertThat(admin("status", "--app", Long.toString(app)).out())
                .startsWith("app " + app + ": in service\naccount: " + account + " (ARREARS)\n");
    }

    private String newAccount(String name) throws IOException, InterruptedException {
        return field(
                admin("account", "create", "--name", name, "--trial-policy", "CONTINUE", "--json")
                        .out(),
                "accountId");
    }

    /**
     * {@code seconds} of an FHD anchor recorded from 09:00 of {@code day}, in segments of at most
     * an hour as recorders report them, rated (SPEC R-4).
     */
    private void recordFhd(long app, LocalDate day, int seconds) throws InterruptedException {
        var rating = RatingServiceGrpc.newBlockingStub(suite.channel("rating"));
        IngestUsageRequest.Builder usage =
                IngestUsageRequest.newBuilder().setRequestId(UUID.randomUUID().toString());
        for (int from = 0; from < seconds; from += 3_600) {
            usage.addRecords(
                    UsageRecord.newBuilder()
                            .setIdempotencyKey("cli-recording-" + from)
                            .setSdkAppId(app)
                            .setRecordingSegment(
                                    RecordingSegment.newBuilder()
                                            .setTaskId("cli-task")
                                            .setRecordingType(
                                                    RecordingType.RECORDING_TYPE_SINGLE_STREAM)
                                            .setInputUserId("anchor")
                                            .setInputStreamType(StreamType.STREAM_TYPE_MAIN)
                                            .setFormatCount(1)
                                            .setWidth(1920)
                                            .setHeight(1080)
                                            .setStartTime(
                                                    AloneInARoom.timestamp(
                                                            AloneInARoom.start(day)
                                                                    .plusSeconds(from)))
                                            .setSeconds(Math.min(3_600, seconds - from))));
        }
        rating.ingestUsage(usage.build());
        GetDailyBillRequest bill =
                GetDailyBillRequest.newBuilder()
                        .setSdkAppId(app)
                        .setBillingDay(
                                Date.newBuilder()
                                        .setYear(day.getYear())
                                        .setMonth(day.getMonthValue())
                                        .setDay(day.getDayOfMonth()))
                        .build();
        Instant deadline = Instant.now().plusSeconds(30);
        while (rating.getDailyBill(bill).getBill().getLinesList().stream()
                        .mapToLong(l -> new BigDecimal(l.getQuantity().getValue()).longValue())
                        .sum()
                != seconds / 60) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the recording usage of app " + app + " was not rated");
            }
            Thread.sleep(100);
        }
    }

    private byte[] previewDirectly() {
        return MixingServiceGrpc.newBlockingStub(suite.channel("mixing"))
                .previewLayout(
                        PreviewLayoutRequest.newBuilder()
                                .setLayoutParams(
                                        LayoutParams.newBuilder()
                                                .setTemplate(LayoutTemplate.LAYOUT_TEMPLATE_GRID))
                                .setCanvasWidth(640)
                                .setCanvasHeight(360)
                                .addInputs(camera("alice", StreamType.STREAM_TYPE_MAIN, 1280, 720))
                                .addInputs(
                                        camera("bob", StreamType.STREAM_TYPE_AUX, 1920, 1080)
                                                .toBuilder()
                                                .setHasAudio(false))
                                .addInputs(camera("carol", StreamType.STREAM_TYPE_MAIN, 640, 480))
                                .build())
                .getPng()
                .toByteArray();
    }

    private static MixInput camera(String user, StreamType type, int width, int height) {
        return MixInput.newBuilder()
                .setUserId(user)
                .setStreamType(type)
                .setHasAudio(true)
                .setHasVideo(true)
                .setWidth(width)
                .setHeight(height)
                .build();
    }

    private int port(String area) {
        return suite.service(area).port;
    }

    /** Runs the admin command line in this JVM against the suite, as the packaged CLI runs it. */
    private Run admin(String... args) {
        CommandLine commandLine = CommandLineSetup.configure(new CommandLine(new AdminCli()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(targeted(args).toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Runs `java -jar admin-cli/target/quarkus-app/quarkus-run.jar` against the suite. */
    private Run packaged(String... args) throws IOException, InterruptedException {
        Path jar = root.resolve("admin-cli/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package admin-cli first");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(targeted(args));
        Path out = Files.createTempFile("admin-out", ".txt");
        Path err = Files.createTempFile("admin-err", ".txt");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("admin " + String.join(" ", args) + " did not finish");
        }
        Run run =
                new Run(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** The arguments with the suite's service addresses and credentials in front. */
    private List<String> targeted(String... args) {
        List<String> command = new ArrayList<>();
        for (String area : RunningSuite.AREAS) {
            command.add("--" + area + "=127.0.0.1:" + port(area));
        }
        command.add("--credentials=" + suite.credentials.dir());
        command.addAll(List.of(args));
        return command;
    }

    private static String[] append(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }

    /** Every value of a string field in protobuf JSON output, in order. */
    private static List<String> all(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\": \"([^\"]*)\"").matcher(json);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    /** A top-level or nested string field of protobuf JSON output. */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\": \"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
