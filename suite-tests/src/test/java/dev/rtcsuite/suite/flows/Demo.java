package dev.rtcsuite.suite.flows;

import com.google.type.Money;
import dev.rtcsuite.platform.testing.LocalCredentials;
import dev.rtcsuite.rating.v1.BillLine;
import dev.rtcsuite.rating.v1.CurrencyTotal;
import dev.rtcsuite.recording.v1.MediaFile;
import dev.rtcsuite.recording.v1.RecordingTask;
import io.grpc.ManagedChannel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo of {@code ./rtcsuite up}: flow 1 of the end-to-end tests against the running suite, in
 * real time and shorter, then a readable report. Arguments: the credentials directory, the ports of
 * recording, rating and package-service, the seconds the anchors stream, the storage transfer delay
 * recording-service runs with.
 */
public final class Demo {

    public static void main(String[] args) throws Exception {
        LocalCredentials credentials = new LocalCredentials(Path.of(args[0]));
        int recording = Integer.parseInt(args[1]);
        int rating = Integer.parseInt(args[2]);
        int packages = Integer.parseInt(args[3]);
        Duration streaming = Duration.ofSeconds(Long.parseLong(args[4]));
        Duration transferDelay = Duration.ofSeconds(Long.parseLong(args[5]));
        List<ManagedChannel> channels = new ArrayList<>();
        RecordingFlow.Channels to =
                new RecordingFlow.Channels(
                        open(channels, credentials.channel(packages, "admin")),
                        open(channels, credentials.channel(recording, "admin")),
                        open(channels, credentials.channel(rating, "admin")),
                        open(channels, credentials.channel(recording, "media")),
                        open(channels, credentials.channel(rating, "media")));
        SuiteTime realTime =
                new SuiteTime() {
                    @Override
                    public Instant now() {
                        return Instant.now();
                    }

                    @Override
                    public void pass(Duration duration) throws InterruptedException {
                        Thread.sleep(duration.toMillis());
                    }
                };
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            RecordingFlow.Report report =
                    new RecordingFlow(to, realTime, line -> System.out.println("  · " + line))
                            .run(streaming, transferDelay, Duration.ofSeconds(60), receiver);
            print(report);
        } finally {
            channels.forEach(ManagedChannel::shutdownNow);
        }
    }

    private static ManagedChannel open(List<ManagedChannel> channels, ManagedChannel channel) {
        channels.add(channel);
        return channel;
    }

    private static void print(RecordingFlow.Report report) {
        System.out.printf(
                "%nDemo report — account %s, app %d, room %d%n",
                report.accountId(), report.sdkAppId(), RecordingFlow.ROOM);
        System.out.printf("%nRecording tasks%n");
        for (RecordingTask task : report.tasks()) {
            System.out.printf(
                    "  %-14s %-10s %s%n",
                    task.getUserId(),
                    task.getState().name().replace("RECORDING_TASK_STATE_", ""),
                    task.getTaskId());
        }
        System.out.printf("%nFiles%n");
        for (MediaFile file : report.files()) {
            System.out.printf("  %s  (%d s)%n", file.getName(), file.getDuration().getSeconds());
        }
        long fileEvents =
                report.callbacks().stream()
                        .filter(c -> c.body().contains("\"event_type\":100"))
                        .count();
        System.out.printf(
                "%nCallbacks received: %d (%d file events)%n",
                report.callbacks().size(), fileEvents);
        System.out.printf(
                "%nBill of %s (rating-service)%n",
                report.bill().getBillingDay().getYear()
                        + "-"
                        + report.bill().getBillingDay().getMonth()
                        + "-"
                        + report.bill().getBillingDay().getDay());
        System.out.printf(
                "  %-38s %-7s %8s %12s %12s%n", "item", "tier", "minutes", "unit price", "amount");
        for (BillLine line : report.bill().getLinesList()) {
            System.out.printf(
                    "  %-38s %-7s %8d %12s %12s%n",
                    line.getItem().name().replace("BILLABLE_ITEM_", ""),
                    line.getTier().name().replace("RESOLUTION_TIER_", ""),
                    line.getMinutes(),
                    decimal(line.getUnitPrice()),
                    decimal(line.getAmount()) + " " + line.getAmount().getCurrencyCode());
        }
        for (CurrencyTotal total : report.bill().getTotalsList()) {
            System.out.printf(
                    "  total %s %s (exact %s)%n",
                    decimal(total.getRoundedAmount()),
                    total.getRoundedAmount().getCurrencyCode(),
                    decimal(total.getExactAmount()));
        }
        System.out.printf("%nPackages (package-service)%n");
        report.packages()
                .forEach(
                        p ->
                                System.out.printf(
                                        "  %-24s %,d of %,d minutes left%n",
                                        p.getDisplayName(),
                                        p.getRemainingMinutes(),
                                        p.getTotalMinutes()));
        System.out.printf(
                "  (base-service minutes are deducted once their 5-minute intervals close, a few minutes after use)%n");
    }

    private static String decimal(Money money) {
        return new BigDecimal(money.getUnits())
                .add(BigDecimal.valueOf(money.getNanos(), 9))
                .stripTrailingZeros()
                .toPlainString();
    }
}
