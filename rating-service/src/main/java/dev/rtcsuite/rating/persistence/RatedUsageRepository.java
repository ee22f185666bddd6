package dev.rtcsuite.rating.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rated seconds per (app, 5-minute bucket, charge): base-service seconds per subject (a room's
 * user, whose buckets are recomputed whole), and the totals over subjects and value-added usage
 * ({@code rated_total}), which is what readers read. Both are derived from the facts.
 */
@ApplicationScoped
public class RatedUsageRepository {

    private static final String UNTIERED = "-";

    /** The columns of a total, in the order of {@link Cell#row(long)}. */
    private static final String TOTAL_COLUMNS =
            "sdk_app_id bigint, bucket_start timestamptz, item text, tier text, above_4k boolean,"
                    + " free boolean, seconds bigint";

    /** The columns of a subject's row: a total's and the subject. */
    private static final String SUBJECT_COLUMNS = TOTAL_COLUMNS + ", subject text";

    private static final String CELL_COLUMNS =
            "sdk_app_id, bucket_start, item, tier, above_4k, free";

    /** Seconds of one charge in one bucket. */
    public record BucketSeconds(Instant bucketStart, ChargeKey key, long seconds) {}

    /**
     * The net change in rated seconds per (app, bucket, charge) that one fold makes, added to
     * {@code rated_total} by one statement at its end ({@link #addTotals}).
     */
    public static final class TotalsChange {

        private final Map<Cell, Long> seconds = new HashMap<>();

        private void add(Cell cell, long delta) {
            seconds.merge(cell, delta, Long::sum);
        }
    }

    private final Jdbc jdbc;

    public RatedUsageRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds value-added seconds to the change: they add up fact by fact, so only their totals are
     * kept (rows with subject '' in rated_usage are from before V7 and no longer read).
     */
    public void addValueAdded(long sdkAppId, List<BucketSeconds> buckets, TotalsChange change) {
        cells(sdkAppId, buckets).forEach(change::add);
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
    public void replaceAll(List<SubjectBuckets> subjects, TotalsChange change) {
        if (subjects.isEmpty()) {
            return;
        }
        jdbc.query(
                // The rows are found by one index probe per subject (a lateral subquery), then
                // deleted by their tuple ids: as a join, the prepared statement could keep a hash
                // join over the whole table, planned while it was small and never analyzed since.
                "DELETE FROM rated_usage r USING (SELECT x.ctid AS row FROM unnest(?::bigint[],"
                        + " ?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[]) AS"
                        + " s(app, subject, w_from, w_to) CROSS JOIN LATERAL (SELECT ctid FROM"
                        + " rated_usage u WHERE u.sdk_app_id = s.app AND u.subject = s.subject AND"
                        + " u.bucket_start >= s.w_from AND u.bucket_start < s.w_to OFFSET 0) x) k"
                        + " WHERE r.ctid = k.row RETURNING r.sdk_app_id, r.bucket_start, r.item,"
                        + " r.tier, r.above_4k, r.free, r.seconds",
                row -> {
                    change.add(
                            new Cell(row.getLong(1), Jdbc.instant(row, 2), chargeKey(row, 3)),
                            -row.getLong(7));
                    return null;
                },
                subjects.stream().map(SubjectBuckets::sdkAppId).toArray(Long[]::new),
                subjects.stream().map(SubjectBuckets::subject).toArray(String[]::new),
                subjects.stream().map(s -> s.from().toString()).toArray(String[]::new),
                subjects.stream().map(s -> s.to().toString()).toArray(String[]::new));
        List<Object[]> rows = new ArrayList<>();
        for (SubjectBuckets subject : subjects) {
            Map<Cell, Long> cells = cells(subject.sdkAppId(), subject.buckets());
            cells.forEach(change::add);
            rows.addAll(rows(cells, subject.subject()));
        }
        jdbc.insertRows("rated_usage", SUBJECT_COLUMNS, rows);
    }

    /**
     * Adds a fold's change to the totals, with one statement that locks their rows in one order
     * everywhere: folds of the same app, which share rows, wait for each other but cannot deadlock.
     */
    public void addTotals(TotalsChange change) {
        Map<Cell, Long> cells = new TreeMap<>(Cell.ORDER);
        change.seconds.forEach(
                (cell, seconds) -> {
                    if (seconds != 0) {
                        cells.put(cell, seconds);
                    }
                });
        jdbc.insertRows(
                "rated_total",
                TOTAL_COLUMNS,
                cells.entrySet().stream().map(e -> e.getKey().row(e.getValue())).toList(),
                "ON CONFLICT ("
                        + CELL_COLUMNS
                        + ") DO UPDATE SET seconds = rated_total.seconds + EXCLUDED.seconds");
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

    /** Every bucket of the app in [from, to) with rated seconds, summed over subjects. */
    public List<BucketSeconds> between(long sdkAppId, Instant from, Instant to) {
        return jdbc.query(
                "SELECT bucket_start, item, tier, above_4k, free, seconds FROM rated_total WHERE"
                        + " sdk_app_id = ? AND bucket_start >= ? AND bucket_start < ? AND seconds >"
                        + " 0",
                row -> new BucketSeconds(Jdbc.instant(row, 1), chargeKey(row, 2), row.getLong(6)),
                sdkAppId,
                from,
                to);
    }

    /** The charge stored in the four columns from {@code first} on (item, tier, above_4k, free). */
    private static ChargeKey chargeKey(ResultSet row, int first) throws SQLException {
        BillableItem item = BillableItem.valueOf(row.getString(first));
        String tier = row.getString(first + 1);
        RatedTier rated =
                tier.equals(UNTIERED)
                        ? RatedTier.untiered()
                        : new RatedTier.Tiered(
                                ResolutionTier.valueOf(tier), row.getBoolean(first + 2));
        return new ChargeKey(item, rated, row.getBoolean(first + 3));
    }

    /** One cell per (bucket, charge), since a statement may not name a primary key twice. */
    private static Map<Cell, Long> cells(long sdkAppId, List<BucketSeconds> buckets) {
        Map<Cell, Long> cells = new TreeMap<>(Cell.ORDER);
        buckets.forEach(
                b ->
                        cells.merge(
                                new Cell(sdkAppId, b.bucketStart(), b.key()),
                                b.seconds(),
                                Long::sum));
        return cells;
    }

    private static List<Object[]> rows(Map<Cell, Long> cells, String subject) {
        return cells.entrySet().stream().map(e -> e.getKey().row(e.getValue(), subject)).toList();
    }

    /** Where rated seconds are kept: an app's charge in a bucket. */
    private record Cell(long sdkAppId, Instant bucketStart, ChargeKey key) {

        /**
         * One order everywhere, so that transactions writing the same rows lock them in the same
         * order.
         */
        static final Comparator<Cell> ORDER =
                Comparator.comparingLong(Cell::sdkAppId)
                        .thenComparing(Cell::bucketStart)
                        .thenComparing(Cell::key);

        /** Its row in {@code rated_total} ({@link RatedUsageRepository#TOTAL_COLUMNS}). */
        Object[] row(long seconds) {
            return new Object[] {
                sdkAppId,
                bucketStart.atOffset(ZoneOffset.UTC),
                key.item().name(),
                key.tier().resolutionTier().map(Enum::name).orElse(UNTIERED),
                key.tier().above4k(),
                key.free(),
                seconds
            };
        }

        /** Its row in {@code rated_usage} ({@link RatedUsageRepository#SUBJECT_COLUMNS}). */
        Object[] row(long seconds, String subject) {
            Object[] row = Arrays.copyOf(row(seconds), 8);
            row[7] = subject;
            return row;
        }
    }
}
