package dev.rtcsuite.rating.persistence;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    private final AgroalDataSource dataSource;

    public RatedUsageRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement(
                                "DELETE FROM rated_usage WHERE sdk_app_id = ? AND subject = ? AND"
                                        + " bucket_start >= ? AND bucket_start < ?")) {
            delete.setLong(1, sdkAppId);
            delete.setString(2, subject);
            delete.setObject(3, time(from));
            delete.setObject(4, time(to));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not replace rated usage", e);
        }
        write(sdkAppId, subject, buckets, "");
    }

    /** Serialises recomputations of one subject across transactions and replicas. */
    public void lock(long sdkAppId, String subject) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock =
                        connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, Long.hashCode(sdkAppId));
            lock.setInt(2, subject.hashCode());
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock " + subject, e);
        }
    }

    /** Every bucket of the app in [from, to), summed over subjects. */
    public List<BucketSeconds> between(long sdkAppId, Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement(
                                "SELECT bucket_start, item, tier, above_4k, free, sum(seconds) FROM"
                                        + " rated_usage WHERE sdk_app_id = ? AND bucket_start >= ?"
                                        + " AND bucket_start < ? GROUP BY bucket_start, item, tier,"
                                        + " above_4k, free")) {
            select.setLong(1, sdkAppId);
            select.setObject(2, time(from));
            select.setObject(3, time(to));
            List<BucketSeconds> buckets = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    BillableItem item = BillableItem.valueOf(rows.getString(2));
                    String tier = rows.getString(3);
                    RatedTier rated =
                            tier.equals(UNTIERED)
                                    ? RatedTier.untiered()
                                    : new RatedTier.Tiered(
                                            ResolutionTier.valueOf(tier), rows.getBoolean(4));
                    ChargeKey key = new ChargeKey(item, rated, rows.getBoolean(5));
                    buckets.add(
                            new BucketSeconds(
                                    rows.getObject(1, OffsetDateTime.class).toInstant(),
                                    key,
                                    rows.getLong(6)));
                }
            }
            return buckets;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read rated usage", e);
        }
    }

    private void write(
            long sdkAppId, String subject, List<BucketSeconds> buckets, String onConflict) {
        if (buckets.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO rated_usage (sdk_app_id, bucket_start, item, tier,"
                                        + " above_4k, free, subject, seconds) VALUES (?, ?, ?, ?, ?,"
                                        + " ?, ?, ?)"
                                        + onConflict)) {
            for (BucketSeconds bucket : summed(buckets)) {
                ChargeKey key = bucket.key();
                insert.setLong(1, sdkAppId);
                insert.setObject(2, time(bucket.bucketStart()));
                insert.setString(3, key.item().name());
                insert.setString(4, key.tier().resolutionTier().map(Enum::name).orElse(UNTIERED));
                insert.setBoolean(5, key.tier().above4k());
                insert.setBoolean(6, key.free());
                insert.setString(7, subject);
                insert.setLong(8, bucket.seconds());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store rated usage", e);
        }
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

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
