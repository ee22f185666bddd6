package dev.rtcsuite.rating.grpc;

import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.rating.application.DailyRatings;
import dev.rtcsuite.rating.application.RatedDay;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import dev.rtcsuite.rating.v1.BucketGranularity;
import dev.rtcsuite.rating.v1.QueryUsageRequest;
import dev.rtcsuite.rating.v1.QueryUsageResponse;
import dev.rtcsuite.rating.v1.UsageBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Usage queries (SPEC R-8): 5-minute buckets for a range of at most a day, daily buckets up to 31
 * days; seconds and billable minutes per tier, from the same rated days as the bills.
 */
final class UsageQueries {

    private static final Duration ONE_DAY = Duration.ofDays(1);
    private static final Duration LONGEST = Duration.ofDays(31);

    private UsageQueries() {}

    static QueryUsageResponse query(DailyRatings ratings, QueryUsageRequest request) {
        FieldChecks checks = new FieldChecks();
        checks.check(request.getSdkAppId() > 0, "sdk_app_id", "must be a positive SdkAppId");
        checks.check(
                request.getItemValue() >= 1 && request.getItemValue() <= 6,
                "item",
                "must be a time-measured item: BASE_SERVICE, RECORDING_*, MIX_TRANSCODE_* or"
                        + " IN_CLASS_RECORDING");
        checks.check(request.hasStartTime(), "start_time", "required");
        checks.check(request.hasEndTime(), "end_time", "required");
        checks.throwIfInvalid();
        Instant from = ProtoTime.instant(request.getStartTime());
        Instant to = ProtoTime.instant(request.getEndTime());
        checks.check(
                to.isAfter(from) && !to.isAfter(from.plus(LONGEST)),
                "end_time",
                "must be after start_time and at most 31 days later");
        checks.throwIfInvalid();
        BillableItem item = request.getItem();
        List<RatedDay> days = ratings.appDays(request.getSdkAppId(), from, to);
        boolean fine = !to.isAfter(from.plus(ONE_DAY));
        QueryUsageResponse.Builder response =
                QueryUsageResponse.newBuilder()
                        .setGranularity(
                                fine
                                        ? BucketGranularity.BUCKET_GRANULARITY_FIVE_MINUTES
                                        : BucketGranularity.BUCKET_GRANULARITY_DAILY);
        for (RatedDay day : days) {
            if (fine) {
                day.intervals().stream()
                        .filter(row -> RatingProtoMapper.item(row.key()) == item)
                        .filter(
                                row ->
                                        row.intervalStart()
                                                .plus(BillingCalendar.INTERVAL)
                                                .isAfter(from))
                        .filter(row -> row.intervalStart().isBefore(to))
                        .forEach(
                                row ->
                                        response.addBuckets(
                                                UsageBucket.newBuilder()
                                                        .setStartTime(
                                                                ProtoTime.timestamp(
                                                                        row.intervalStart()))
                                                        .setEndTime(
                                                                ProtoTime.timestamp(
                                                                        row.intervalStart()
                                                                                .plus(
                                                                                        BillingCalendar
                                                                                                .INTERVAL)))
                                                        .setBillingDay(
                                                                ProtoTime.date(day.billingDay()))
                                                        .setTier(RatingProtoMapper.tier(row.key()))
                                                        .setAbove4K(row.key().tier().above4k())
                                                        .setSeconds(row.minutes().seconds())
                                                        .setBillableMinutes(
                                                                row.minutes().billableMinutes())));
            } else {
                BillingCalendar calendar = new BillingCalendar(day.billingZone());
                for (BillLine line : day.bill().lines()) {
                    if (RatingProtoMapper.item(line.key()) == item) {
                        response.addBuckets(
                                UsageBucket.newBuilder()
                                        .setStartTime(
                                                ProtoTime.timestamp(
                                                        calendar.dayStart(day.billingDay())))
                                        .setEndTime(
                                                ProtoTime.timestamp(
                                                        calendar.dayEnd(day.billingDay())))
                                        .setBillingDay(ProtoTime.date(day.billingDay()))
                                        .setTier(RatingProtoMapper.tier(line.key()))
                                        .setAbove4K(line.key().tier().above4k())
                                        .setSeconds(line.seconds())
                                        .setBillableMinutes(line.minutes()));
                    }
                }
            }
        }
        return response.build();
    }
}
