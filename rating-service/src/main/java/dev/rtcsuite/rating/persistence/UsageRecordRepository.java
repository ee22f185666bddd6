package dev.rtcsuite.rating.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.rating.application.UsageRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/** The append-only log of usage facts: rows are inserted once and never changed. */
@ApplicationScoped
public class UsageRecordRepository {

    private static final String COLUMNS =
            "sdk_app_id, idempotency_key, kind, start_time, end_time, usage_date, room, user_id,"
                    + " sender_user_id, stream_type, width, height, subject_id, recording_type,"
                    + " input_role, output_codec, video_type, resume_wait, format_count, quantity";

    /**
     * One array per column; times travel as epoch seconds (facts are in whole seconds) and dates as
     * epoch days, so neither side formats or parses text for them.
     */
    private static final String INSERT_ABSENT =
            "INSERT INTO usage_record ("
                    + COLUMNS
                    + ", received_time) SELECT u.app, u.key, u.kind, to_timestamp(u.start_s),"
                    + " to_timestamp(u.end_s), date '1970-01-01' + u.day, u.room, u.usr, u.sender,"
                    + " u.stream, u.width, u.height, u.subject, u.rec_type, u.role, u.codec,"
                    + " u.video, u.resume, u.formats, u.quantity, ?::timestamptz FROM"
                    + " unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],"
                    + " ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[],"
                    + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],"
                    + " ?::int[], ?::bigint[]) AS u(app, key, kind, start_s, end_s, day, room, usr,"
                    + " sender, stream, width, height, subject, rec_type, role, codec, video,"
                    + " resume, formats, quantity) ON CONFLICT DO NOTHING RETURNING sdk_app_id,"
                    + " idempotency_key";

    /**
     * Quantity facts (legacy peaks, storage, traffic) that may touch a day; no fact spans more than
     * 24 h, so a day's facts start at most 24 h before it.
     */
    private static final String QUANTITIES_TOUCHING =
            "SELECT "
                    + COLUMNS
                    + " FROM usage_record WHERE sdk_app_id = ? AND kind IN"
                    + " ('LEGACY_RECORDING_PEAK', 'STORAGE', 'PLAYBACK_TRAFFIC') AND ((start_time <"
                    + " ? AND start_time > ? AND end_time > ?) OR usage_date BETWEEN ? AND ?)";

    /**
     * Users' presences and received subscriptions in a room that overlap their windows. Reads by
     * key from a list of keys are lateral subqueries, one index probe per key whatever the
     * statistics say: as a join, the plan that a prepared statement keeps could be a hash join over
     * the whole table, chosen while it was small and never analyzed since.
     */
    private static final String BASE_FACTS_OF_USERS =
            "SELECT r.* FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]::timestamptz[],"
                    + " ?::text[]::timestamptz[]) AS w(app, room, user_id, w_from, w_to) CROSS JOIN"
                    + " LATERAL (SELECT "
                    + COLUMNS
                    + " FROM usage_record u WHERE u.sdk_app_id = w.app AND u.room = w.room AND"
                    + " u.user_id = w.user_id AND u.kind IN ('PRESENCE', 'SUBSCRIPTION') AND"
                    + " u.start_time < w.w_to AND u.start_time > w.w_from - interval '24 hours' AND"
                    + " u.end_time > w.w_from OFFSET 0) r";

    /** The stored records of a list of (app, key) pairs. */
    private static final String BY_KEYS =
            "SELECT r.* FROM unnest(?::bigint[], ?::text[]) AS k(app, idempotency_key) CROSS JOIN"
                    + " LATERAL (SELECT "
                    + COLUMNS
                    + " FROM usage_record u WHERE u.sdk_app_id = k.app AND u.idempotency_key ="
                    + " k.idempotency_key OFFSET 0) r";

    /** Where a stored record is found in the log. */
    public record StoredKey(long sdkAppId, String idempotencyKey) {}

    /** A user of a room and the window of their facts to read. */
    public record UserWindow(long sdkAppId, String room, String userId, Instant from, Instant to) {}

    private final Jdbc jdbc;
    private final Clock clock;

    public UsageRecordRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores each record whose (app, key) is not stored yet, in one statement whose parameters are
     * one array per column (a handful of bind values however large the batch); returns those stored
     * now, in batch order (of keys repeated inside the batch, the first).
     */
    public List<UsageRecord> insertAbsent(List<UsageRecord> batch) {
        Map<StoredKey, UsageRecord> distinct = new LinkedHashMap<>();
        batch.forEach(
                r -> distinct.putIfAbsent(new StoredKey(r.sdkAppId(), r.idempotencyKey()), r));
        if (distinct.isEmpty()) {
            return List.of();
        }
        List<UsageRow> rows = distinct.values().stream().map(UsageRow::of).toList();
        Set<StoredKey> stored =
                new HashSet<>(
                        jdbc.query(
                                INSERT_ABSENT,
                                row -> new StoredKey(row.getLong(1), row.getString(2)),
                                clock.instant(),
                                column(rows, UsageRow::sdkAppId, Long[]::new),
                                column(rows, UsageRow::idempotencyKey, String[]::new),
                                column(rows, UsageRow::kind, String[]::new),
                                column(rows, r -> epochSecond(r.startTime()), Long[]::new),
                                column(rows, r -> epochSecond(r.endTime()), Long[]::new),
                                column(rows, r -> epochDay(r.usageDate()), Integer[]::new),
                                column(rows, UsageRow::room, String[]::new),
                                column(rows, UsageRow::userId, String[]::new),
                                column(rows, UsageRow::senderUserId, String[]::new),
                                column(rows, UsageRow::streamType, String[]::new),
                                column(rows, UsageRow::width, Integer[]::new),
                                column(rows, UsageRow::height, Integer[]::new),
                                column(rows, UsageRow::subjectId, String[]::new),
                                column(rows, UsageRow::recordingType, String[]::new),
                                column(rows, UsageRow::inputRole, String[]::new),
                                column(rows, UsageRow::outputCodec, String[]::new),
                                column(rows, UsageRow::videoType, String[]::new),
                                column(rows, UsageRow::resumeWait, Boolean[]::new),
                                column(rows, UsageRow::formatCount, Integer[]::new),
                                column(rows, UsageRow::quantity, Long[]::new)));
        return distinct.entrySet().stream()
                .filter(entry -> stored.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The stored records of these (app, key) pairs, in no particular order. */
    public List<UsageRecord> byKeys(List<StoredKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                BY_KEYS,
                UsageRecordRepository::record,
                keys.stream().map(StoredKey::sdkAppId).toArray(Long[]::new),
                keys.stream().map(StoredKey::idempotencyKey).toArray(String[]::new));
    }

    private static <T> T[] column(
            List<UsageRow> rows, Function<UsageRow, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static Long epochSecond(Instant time) {
        return time == null ? null : time.getEpochSecond();
    }

    private static Integer epochDay(LocalDate date) {
        return date == null ? null : Math.toIntExact(date.toEpochDay());
    }

    /**
     * The app's quantity facts that may touch [from, to): traffic starting before {@code to} and
     * ending after {@code from}, and storage or peaks dated from the first day's month to the last
     * day.
     */
    public List<UsageRecord> quantitiesTouching(
            long sdkAppId, Instant from, Instant to, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.query(
                QUANTITIES_TOUCHING,
                UsageRecordRepository::record,
                sdkAppId,
                to,
                from.minusSeconds(86_400),
                from,
                firstDay.withDayOfMonth(1),
                lastDay);
    }

    /** The users' presences and received subscriptions that overlap their windows, in one read. */
    public List<UsageRecord> baseFactsOfUsers(List<UserWindow> windows) {
        if (windows.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                BASE_FACTS_OF_USERS,
                UsageRecordRepository::record,
                windows.stream().map(UserWindow::sdkAppId).toArray(Long[]::new),
                windows.stream().map(UserWindow::room).toArray(String[]::new),
                windows.stream().map(UserWindow::userId).toArray(String[]::new),
                windows.stream().map(w -> w.from().toString()).toArray(String[]::new),
                windows.stream().map(w -> w.to().toString()).toArray(String[]::new));
    }

    private static UsageRecord record(ResultSet c) throws SQLException {
        return new UsageRow(
                        c.getLong(1),
                        c.getString(2),
                        c.getString(3),
                        Jdbc.instant(c, 4),
                        Jdbc.instant(c, 5),
                        c.getObject(6, LocalDate.class),
                        c.getString(7),
                        c.getString(8),
                        c.getString(9),
                        c.getString(10),
                        c.getObject(11, Integer.class),
                        c.getObject(12, Integer.class),
                        c.getString(13),
                        c.getString(14),
                        c.getString(15),
                        c.getString(16),
                        c.getString(17),
                        c.getObject(18, Boolean.class),
                        c.getObject(19, Integer.class),
                        c.getObject(20, Long.class))
                .toRecord();
    }
}
