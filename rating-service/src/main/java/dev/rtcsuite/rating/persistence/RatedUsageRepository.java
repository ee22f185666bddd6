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
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Rated seconds per (app, 5-minute bucket, charge, subject): derived, rebuilt from the facts. */
@ApplicationScoped
public class RatedUsageRepository {

    private static final String UNTIERED = "-";

    /** The columns of a rated row, in the order of {@link #rows}. */
    private static final String COLUMNS =
            "sdk_app_id bigint, bucket_start timestamptz, item text, tier text, above_4k boolean,"
                    + " free boolean, subject text, seconds bigint";

    private static final String INSERT =
            "INSERT INTO rated_usage (sdk_app_id, bucket_start, item, tier, above_4k, free, subject,"
                    + " seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** Seconds of one charge in one bucket. */
    public record BucketSeconds(Instant bucketStart, ChargeKey key, long seconds) {}

    private final Jdbc jdbc;

    public RatedUsageRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds seconds to value-added buckets (subject ''). */
    public void add(long sdkAppId, List<BucketSeconds> buckets) {
        jdbc.batch(
                INSERT
                        + " ON CONFLICT (sdk_app_id, bucket_start, item, tier, above_4k, free,"
                        + " subject) DO UPDATE SET seconds = rated_usage.seconds + EXCLUDED.seconds",
                rows(sdkAppId, "", buckets));
    }

    /** A base-service subject of an app (a room's user). */
    public record SubjectKey(long sdkAppId, String subject) {}

    /** A base-service subject's buckets in [from, to), recomputed whole. */
    public record SubjectBuckets(
            long sdkAppId, String subject, Instant from, Instant to, List<BucketSeconds> buckets) {}

    /**
     * Replaces each subject's buckets in its window. The caller holds the subjects' locks (see
     * {@link #lockAll}), so no other transaction recomputes them meanwhile.
     */
    public void replaceAll(List<SubjectBuckets> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        jdbc.update(
                "DELETE FROM rated_usage r USING unnest(?::bigint[], ?::text[],"
                        + " ?::text[]::timestamptz[], ?::text[]::timestamptz[]) AS s(app, subject,"
                        + " w_from, w_to) WHERE r.sdk_app_id = s.app AND r.subject = s.subject AND"
                        + " r.bucket_start >= s.w_from AND r.bucket_start < s.w_to",
                subjects.stream().map(SubjectBuckets::sdkAppId).toArray(Long[]::new),
                subjects.stream().map(SubjectBuckets::subject).toArray(String[]::new),
                subjects.stream().map(s -> s.from().toString()).toArray(String[]::new),
                subjects.stream().map(s -> s.to().toString()).toArray(String[]::new));
        List<Object[]> rows = new ArrayList<>();
        subjects.forEach(s -> rows.addAll(rows(s.sdkAppId(), s.subject(), s.buckets())));
        jdbc.insertRows("rated_usage", COLUMNS, rows);
    }

    /**
     * Serialises recomputations of these subjects across transactions and replicas; locks are taken
     * in one order everywhere, so two batches sharing subjects cannot deadlock.
     */
    public void lockAll(List<SubjectKey> subjects) {
        jdbc.query(
                // The subquery orders the keys; the locks are then taken row by row in that order.
                "SELECT pg_advisory_xact_lock(k.app, k.subject) FROM (SELECT DISTINCT"
                        + " unnest(?::int[]) AS app, unnest(?::int[]) AS subject ORDER BY 1, 2) k",
                row -> null,
                subjects.stream().map(s -> Long.hashCode(s.sdkAppId())).toArray(Integer[]::new),
                subjects.stream().map(s -> s.subject().hashCode()).toArray(Integer[]::new));
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

    private static List<Object[]> rows(long sdkAppId, String subject, List<BucketSeconds> buckets) {
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
        return rows;
    }

    /**
     * One row per (bucket, charge), since a batch may not name a primary key twice; in one order
     * everywhere, so that transactions adding to the same rows lock them in the same order.
     */
    private static List<BucketSeconds> summed(List<BucketSeconds> buckets) {
        record Cell(Instant bucket, ChargeKey key) {}
        Map<Cell, Long> sums = new java.util.LinkedHashMap<>();
        buckets.forEach(
                b -> sums.merge(new Cell(b.bucketStart(), b.key()), b.seconds(), Long::sum));
        List<BucketSeconds> result = new ArrayList<>();
        sums.forEach(
                (cell, seconds) ->
                        result.add(new BucketSeconds(cell.bucket(), cell.key(), seconds)));
        result.sort(
                Comparator.comparing(BucketSeconds::bucketStart)
                        .thenComparing(bucket -> bucket.key().toString()));
        return result;
    }
}
