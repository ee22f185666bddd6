package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.Table;
import dev.rtcsuite.admin.output.Values;
import dev.rtcsuite.admin.parse.Inputs;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.rating.v1.BucketGranularity;
import dev.rtcsuite.rating.v1.QueryUsageRequest;
import dev.rtcsuite.rating.v1.QueryUsageResponse;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.rating.v1.UsageBucket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** An app's rated usage of one item (rating-service QueryUsage). */
@Command(
        name = "usage",
        description =
                "Show an app's usage of one item: 5-minute buckets for up to a day, billing days"
                        + " beyond (at most 31 days).")
public class UsageCommand extends AdminCommand {

    @Option(names = "--app", required = true, paramLabel = "SDK_APP_ID")
    long sdkAppId;

    @Option(
            names = "--item",
            paramLabel = "ITEM",
            defaultValue = "BASE_SERVICE",
            description =
                    "BASE_SERVICE, RECORDING_SINGLE_STREAM, RECORDING_MIXED_STREAM,"
                            + " MIX_TRANSCODE_H264, MIX_TRANSCODE_H265, IN_CLASS_RECORDING"
                            + " (default ${DEFAULT-VALUE})")
    BillableItem item;

    @Option(
            names = "--day",
            paramLabel = "YYYY-MM-DD",
            description = "one day in --zone (instead of --from/--to)")
    LocalDate day;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            defaultValue = "Asia/Shanghai",
            description = "time zone of --day (default ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--from", paramLabel = "INSTANT", description = "e.g. 2026-11-29T00:00:00Z")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "exclusive")
    Instant to;

    private static final Table<UsageBucket> FIVE_MINUTES =
            new Table<UsageBucket>()
                    .column("START", bucket -> Values.timestamp(bucket.getStartTime()))
                    .column("TIER", bucket -> Values.enumValue(bucket.getTier()) + above(bucket))
                    .column("SECONDS", bucket -> Long.toString(bucket.getSeconds()))
                    .column("MINUTES", bucket -> Long.toString(bucket.getBillableMinutes()));

    private static final Table<UsageBucket> DAILY =
            new Table<UsageBucket>()
                    .column("DAY", bucket -> Values.date(bucket.getBillingDay()))
                    .column("TIER", bucket -> Values.enumValue(bucket.getTier()) + above(bucket))
                    .column("SECONDS", bucket -> Long.toString(bucket.getSeconds()))
                    .column("MINUTES", bucket -> Long.toString(bucket.getBillableMinutes()));

    @Override
    protected void execute() {
        boolean range = from != null || to != null;
        if (day != null && range || day == null && (from == null || to == null)) {
            throw usage("give either --day, or both --from and --to");
        }
        Instant start = day != null ? day.atStartOfDay(zone).toInstant() : from;
        Instant end = day != null ? day.plusDays(1).atStartOfDay(zone).toInstant() : to;
        QueryUsageResponse response =
                call(
                        Service.RATING,
                        RatingServiceGrpc::newBlockingStub,
                        rating ->
                                rating.queryUsage(
                                        QueryUsageRequest.newBuilder()
                                                .setSdkAppId(sdkAppId)
                                                .setItem(item)
                                                .setStartTime(Inputs.timestamp(start))
                                                .setEndTime(Inputs.timestamp(end))
                                                .build()));
        output().result(response, () -> human(response));
    }

    private String human(QueryUsageResponse response) {
        long minutes =
                response.getBucketsList().stream().mapToLong(UsageBucket::getBillableMinutes).sum();
        String title =
                Values.enumValue(item)
                        + " usage of app "
                        + sdkAppId
                        + " ("
                        + Values.enumValue(response.getGranularity())
                        + " buckets)\n";
        if (response.getBucketsCount() == 0) {
            return title + "no usage\n";
        }
        Table<UsageBucket> table =
                response.getGranularity() == BucketGranularity.BUCKET_GRANULARITY_DAILY
                        ? DAILY
                        : FIVE_MINUTES;
        return title
                + table.format(response.getBucketsList())
                + "total: "
                + minutes
                + " billable minute"
                + (minutes == 1 ? "" : "s")
                + "\n";
    }

    private static String above(UsageBucket bucket) {
        return bucket.getAbove4K() ? " (above 4K)" : "";
    }
}
