package dev.rtcsuite.rating.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rated seconds per (app, 5-minute bucket, charge, subject): derived, rebuilt from the facts. */
@ApplicationScoped
public class RatedUsageRepository {

    private static final String UNTIERED = "-";

    /** Seconds of one charge in one bucket. */
    public record BucketSeconds(Instant bucketStart, ChargeKey key, long seconds) {}

    private final Jdbc jdbc;

    public RatedUsageRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds seconds to value-added buckets (subject ''). */
    public void add(long sdkAppId, List<BucketSeconds> buckets) {
        write(
                sdkAppId,
                "",
                buckets,
                " ON CONFLICT (sdk_app_id, bucket_start, item, tier, above_4k, free, subject) DO"
                        + " UPDATE SET seconds = rated_usage.seconds + EXCLUDED.seconds");
    }

    /**
     * Replaces a base-service subject's buckets in [from, to) by {@code buckets}. The caller holds
     * the subject's lock, so no other transaction recomputes it meanwhile.
     */
    public void replace(
            long sdkAppId, String subject, Instant from, Instant to, List<BucketSeconds> buckets) {
        jdbc.update(
                "DELETE FROM rated_usage WHERE sdk_app_id = ? AND subject = ? AND bucket_start >= ?"
                        + " AND bucket_start < ?",
                sdkAppId,
                subject,
                from,
                to);
        write(sdkAppId, subject, buckets, "");
    }

    /** Serialises recomputations of one subject across transactions and replicas. */
    public void lock(long sdkAppId, String subject) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(?, ?)",
                row -> null,
                Long.hashCode(sdkAppId),
                subject.hashCode());
    }

    /** Every bucket of the app in [from, to), summed over subjects. */
    public List<BucketSeconds> between(long sdkAppId, Instant from, Instant to) {
        return jdbc.query(
                "SELECT bucket_start, item, tier, above_4k, free, sum(seconds) FROM rated_usage"
                        + " WHERE sdk_app_id = ? AND bucket_start >= ? AND bucket_start < ? GROUP BY"
                        + " bucket_start, item, tier, above_4k, free",
                row -> {
                    BillableItem item = BillableItem.valueOf(row.getString(2));
                    String tier = row.getString(3);
                    RatedTier rated =
                            tier.equals(UNTIERED)
                                    ? RatedTier.untiered()
                                    : new RatedTier.Tiered(
                                            ResolutionTier.valueOf(tier), row.getBoolean(4));
                    return new BucketSeconds(
                            Jdbc.instant(row, 1),
                            new ChargeKey(item, rated, row.getBoolean(5)),
                            row.getLong(6));
                },
                sdkAppId,
                from,
                to);
    }

    private void write(
            long sdkAppId, String subject, List<BucketSeconds> buckets, String onConflict) {
        List<Object[]> rows = new ArrayList<>();
        for (BucketSeconds bucket : summed(buckets)) {
            ChargeKey key = bucket.key();
            rows.add(
                    new Object[] {
                        sdkAppId,
                        bucket.bucketStart().atOffset(ZoneOffset.UTC),
                        key.item().name(),
                        key.tier().resolutionTier().map(Enum::name).orElse(UNTIERED),
                        key.tier().above4k(),
                        key.free(),
                        subject,
                        bucket.seconds()
                    });
        }
        jdbc.batch(
                "INSERT INTO rated_usage (sdk_app_id, bucket_start, item, tier, above_4k, free,"
                        + " subject, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + onConflict,
                rows);
    }

    /** One row per (bucket, charge): a batch may not name a primary key twice. */
    private static List<BucketSeconds> summed(List<BucketSeconds> buckets) {
        record Cell(Instant bucket, ChargeKey key) {}
        Map<Cell, Long> sums = new java.util.LinkedHashMap<>();
        buckets.forEach(
                b -> sums.merge(new Cell(b.bucketStart(), b.key()), b.seconds(), Long::sum));
        List<BucketSeconds> result = new ArrayList<>();
        sums.forEach(
                (cell, seconds) ->
                        result.add(new BucketSeconds(cell.bucket(), cell.key(), seconds)));
        return result;
    }
}
