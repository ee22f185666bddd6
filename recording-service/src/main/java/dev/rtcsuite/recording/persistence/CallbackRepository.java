package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.platform.persistence.ListQuerySql;
import dev.rtcsuite.recording.domain.callback.CallbackDelivery;
import dev.rtcsuite.recording.domain.callback.CallbackEventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Callback deliveries (SPEC C-6); see V1__recording.sql. */
@ApplicationScoped
public class CallbackRepository {

    /** A delivery and its place in list order. */
    public record Listed(long listSeq, CallbackDelivery delivery) {}

    /** Filters of a delivery list. */
    public record ListQuery(
            long sdkAppId,
            Set<CallbackDelivery.State> states,
            Set<CallbackEventType> types,
            Optional<Instant> createdFrom,
            Optional<Instant> createdBefore,
            long afterSeq,
            int limit) {}

    private static final String COLUMNS =
            "delivery_id, event_id, sdk_app_id, event_type, task_id, file_id, url, state,"
                    + " generation, attempt_count, last_attempt_time, last_http_status, last_error,"
                    + " payload_json, create_time, deliver_time, list_seq";

    private final Jdbc jdbc;

    public CallbackRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CallbackDelivery d) {
        jdbc.update(
                "INSERT INTO callback_delivery (delivery_id, event_id, sdk_app_id, event_type,"
                        + " task_id, file_id, url, state, generation, attempt_count,"
                        + " last_http_status, last_error, payload_json, create_time) VALUES (?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.deliveryId(),
                d.eventId(),
                d.sdkAppId(),
                d.eventType().name(),
                d.taskId(),
                d.fileId(),
                d.url(),
                d.state().name(),
                d.generation(),
                d.attemptCount(),
                d.lastHttpStatus(),
                d.lastError(),
                d.payloadJson(),
                d.createTime());
    }

    /** Records an attempt's outcome; {@code delivered} sets the deliver time. */
    public void recordAttempt(
            String deliveryId,
            CallbackDelivery.State state,
            Instant at,
            int httpStatus,
            String error,
            boolean delivered) {
        jdbc.update(
                "UPDATE callback_delivery SET state = ?, attempt_count = attempt_count + 1,"
                        + " last_attempt_time = ?, last_http_status = ?, last_error = ?,"
                        + " deliver_time = CASE WHEN ? THEN CAST(? AS timestamptz) ELSE"
                        + " deliver_time END WHERE delivery_id = ?",
                state.name(),
                at,
                httpStatus,
                error,
                delivered,
                at,
                deliveryId);
    }

    /** Queues the delivery again: a new generation, attempts counted from 0. */
    public void redeliver(String deliveryId) {
        jdbc.update(
                "UPDATE callback_delivery SET state = 'PENDING', generation = generation + 1,"
                        + " attempt_count = 0 WHERE delivery_id = ?",
                deliveryId);
    }

    public Optional<CallbackDelivery> find(String deliveryId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM callback_delivery WHERE delivery_id = ?",
                        CallbackRepository::delivery,
                        deliveryId)
                .stream()
                .findFirst();
    }

    public Optional<CallbackDelivery> lock(String deliveryId) {
        return jdbc
                .query(
                        "SELECT "
                                + COLUMNS
                                + " FROM callback_delivery WHERE delivery_id = ? FOR UPDATE",
                        CallbackRepository::delivery,
                        deliveryId)
                .stream()
                .findFirst();
    }

    /** Newest first, paged by list_seq. */
    public List<Listed> list(ListQuery query) {
        return new ListQuerySql(
                        "SELECT " + COLUMNS + " FROM callback_delivery WHERE sdk_app_id = ?",
                        query.sdkAppId())
                .anyOf("state", query.states())
                .anyOf("event_type", query.types())
                .within("create_time", query.createdFrom(), query.createdBefore())
                .page(
                        jdbc,
                        query.afterSeq(),
                        true,
                        query.limit(),
                        row -> new Listed(row.getLong(17), delivery(row)));
    }

    private static CallbackDelivery delivery(ResultSet row) throws SQLException {
        return new CallbackDelivery(
                row.getString(1),
                row.getString(2),
                row.getLong(3),
                CallbackEventType.valueOf(row.getString(4)),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                CallbackDelivery.State.valueOf(row.getString(8)),
                row.getInt(9),
                row.getInt(10),
                Optional.ofNullable(Jdbc.instant(row, 11)),
                row.getInt(12),
                row.getString(13),
                row.getString(14),
                Jdbc.instant(row, 15),
                Optional.ofNullable(Jdbc.instant(row, 16)));
    }
}
