package dev.rtcsuite.rating.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.rating.client.DeductionClient.IntervalDeduction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The durable queue of interval deductions for package-service, and each app's watermark. */
@ApplicationScoped
public class HandoffRepository {

    private final Jdbc jdbc;

    public HandoffRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Apps with base-service buckets before {@code closeUntil} that are not handed off yet. Runs
     * every few seconds, so it reads index entries per app, not the table: the apps one index step
     * each (a skip scan), then one probe per app from its watermark on. (A DISTINCT over the table
     * read every bucket ever rated: 4.5 s per run at 5.6 M buckets.)
     */
    public List<Long> appsWithOpenIntervals(Instant closeUntil) {
        return jdbc.query(
                "WITH RECURSIVE apps(app) AS ((SELECT sdk_app_id FROM rated_total ORDER BY"
                        + " sdk_app_id LIMIT 1) UNION ALL SELECT (SELECT r.sdk_app_id FROM"
                        + " rated_total r WHERE r.sdk_app_id > a.app ORDER BY r.sdk_app_id LIMIT 1)"
                        + " FROM apps a WHERE a.app IS NOT NULL) SELECT a.app FROM apps a LEFT JOIN"
                        + " handoff_watermark w ON w.sdk_app_id = a.app WHERE a.app IS NOT NULL AND"
                        + " EXISTS (SELECT FROM rated_total r WHERE r.sdk_app_id = a.app AND r.item ="
                        + " 'BASE_SERVICE' AND r.bucket_start < ? AND r.bucket_start >="
                        + " coalesce(w.closed_until, '-infinity') AND r.seconds > 0)",
                rows -> rows.getLong(1),
                closeUntil);
    }

    /**
     * Locks the app's watermark for this transaction, creating it at the app's first base-service
     * bucket; empty when another replica holds it.
     */
    public Optional<Instant> lockWatermark(long sdkAppId) {
        jdbc.update(
                "INSERT INTO handoff_watermark (sdk_app_id, closed_until) SELECT ?, min(bucket_start)"
                        + " FROM rated_total WHERE sdk_app_id = ? AND item = 'BASE_SERVICE' AND"
                        + " seconds > 0 HAVING min(bucket_start) IS NOT NULL ON CONFLICT DO NOTHING",
                sdkAppId,
                sdkAppId);
        return jdbc
                .query(
                        "SELECT closed_until FROM handoff_watermark WHERE sdk_app_id = ? FOR UPDATE"
                                + " SKIP LOCKED",
                        rows -> Jdbc.instant(rows, 1),
                        sdkAppId)
                .stream()
                .findFirst();
    }

    public void moveWatermark(long sdkAppId, Instant closedUntil) {
        jdbc.update(
                "UPDATE handoff_watermark SET closed_until = ? WHERE sdk_app_id = ?",
                closedUntil,
                sdkAppId);
    }

    /** Queues a deduction once per (app, day, tier, interval). */
    public void enqueue(IntervalDeduction deduction, Instant now) {
        jdbc.update(
                "INSERT INTO deduction_handoff (sdk_app_id, billing_day, tier, interval_index,"
                        + " usage_minutes, unit_price, currency, price_book_version, request_id,"
                        + " state, next_attempt_time, created_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, 'PENDING', ?, ?) ON CONFLICT DO NOTHING",
                deduction.sdkAppId(),
                deduction.billingDay(),
                deduction.tier(),
                deduction.intervalIndex(),
                deduction.usageMinutes(),
                deduction.unitPrice(),
                deduction.currency().getCurrencyCode(),
                deduction.priceBookVersion(),
                deduction.requestId(),
                now,
                now);
    }

    /** Claims up to {@code limit} due deductions for this transaction; other replicas skip them. */
    public List<IntervalDeduction> claimDue(Instant now, int limit) {
        return jdbc.query(
                "SELECT request_id, sdk_app_id, billing_day, tier, interval_index, usage_minutes,"
                        + " unit_price, currency, price_book_version FROM deduction_handoff WHERE"
                        + " state = 'PENDING' AND next_attempt_time <= ? ORDER BY"
                        + " next_attempt_time LIMIT ? FOR UPDATE SKIP LOCKED",
                rows ->
                        new IntervalDeduction(
                                rows.getObject(1, UUID.class),
                                rows.getLong(2),
                                rows.getObject(3, LocalDate.class),
                                rows.getString(4),
                                rows.getInt(5),
                                rows.getLong(6),
                                rows.getBigDecimal(7).stripTrailingZeros(),
                                Currency.getInstance(rows.getString(8)),
                                rows.getString(9)),
                now,
                limit);
    }

    public void delivered(List<UUID> requestIds, Instant now) {
        if (requestIds.isEmpty()) {
            return;
        }
        jdbc.update(
                "UPDATE deduction_handoff SET state = 'DELIVERED', attempts = attempts + 1,"
                        + " delivered_time = ?, last_error = NULL WHERE request_id ="
                        + " ANY(?::text[]::uuid[])",
                now,
                requestIds.stream().map(UUID::toString).toArray(String[]::new));
    }

    public void failed(UUID requestId, String error, Instant retryAt) {
        jdbc.update(
                "UPDATE deduction_handoff SET attempts = attempts + 1, last_error = ?,"
                        + " next_attempt_time = ? WHERE request_id = ?",
                error,
                retryAt,
                requestId);
    }

    public int attempts(UUID requestId) {
        return jdbc.query(
                        "SELECT attempts FROM deduction_handoff WHERE request_id = ?",
                        rows -> rows.getInt(1),
                        requestId)
                .getFirst();
    }
}
