package dev.rtcsuite.rating.persistence;

import dev.rtcsuite.rating.application.UsageRecord;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only log of usage facts: rows are inserted once and never changed. Plain JDBC on the
 * transaction's connection, because the wide row has typed NULLs that JDBC binds exactly.
 */
@ApplicationScoped
public class UsageRecordRepository {

    private static final String COLUMNS =
            "sdk_app_id, idempotency_key, kind, start_time, end_time, usage_date, room, user_id,"
                    + " sender_user_id, stream_type, width, height, subject_id, recording_type,"
                    + " input_role, output_codec, video_type, resume_wait, format_count, quantity";

    private static final String INSERT =
            "INSERT INTO usage_record ("
                    + COLUMNS
                    + ", received_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?) ON CONFLICT DO NOTHING";

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

    /** A user's presences and received subscriptions in a room that overlap a window. */
    private static final String BASE_FACTS_OF_USER =
            "SELECT "
                    + COLUMNS
                    + " FROM usage_record WHERE sdk_app_id = ? AND room = ? AND user_id = ? AND"
                    + " kind IN ('PRESENCE', 'SUBSCRIPTION') AND start_time < ? AND start_time > ?"
                    + " AND end_time > ?";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public UsageRecordRepository(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Stores the record unless its (app, key) is stored already; true when it was stored now. */
    public boolean insertIfAbsent(UsageRecord record) {
        UsageRow row = UsageRow.of(record);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, row.sdkAppId());
            insert.setString(2, row.idempotencyKey());
            insert.setString(3, row.kind());
            insert.setObject(4, time(row.startTime()), Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setObject(5, time(row.endTime()), Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setObject(6, row.usageDate(), Types.DATE);
            insert.setString(7, row.room());
            insert.setString(8, row.userId());
            insert.setString(9, row.senderUserId());
            insert.setString(10, row.streamType());
            insert.setObject(11, row.width(), Types.INTEGER);
            insert.setObject(12, row.height(), Types.INTEGER);
            insert.setString(13, row.subjectId());
            insert.setString(14, row.recordingType());
            insert.setString(15, row.inputRole());
            insert.setString(16, row.outputCodec());
            insert.setString(17, row.videoType());
            insert.setObject(18, row.resumeWait(), Types.BOOLEAN);
            insert.setObject(19, row.formatCount(), Types.INTEGER);
            insert.setObject(20, row.quantity(), Types.BIGINT);
            insert.setObject(21, OffsetDateTime.now(clock), Types.TIMESTAMP_WITH_TIMEZONE);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store usage record", e);
        }
    }

    /**
     * The app's quantity facts that may touch [from, to): traffic starting before {@code to} and
     * ending after {@code from}, and storage or peaks dated from the first day's month to the last
     * day.
     */
    public List<UsageRecord> quantitiesTouching(
            long sdkAppId, Instant from, Instant to, LocalDate firstDay, LocalDate lastDay) {
        return select(
                QUANTITIES_TOUCHING,
                sdkAppId,
                time(to),
                time(from.minusSeconds(86_400)),
                time(from),
                firstDay.withDayOfMonth(1),
                lastDay);
    }

    /** The user's presences and received subscriptions in the room that overlap [from, to). */
    public List<UsageRecord> baseFactsOfUser(
            long sdkAppId, String room, String userId, Instant from, Instant to) {
        return select(
                BASE_FACTS_OF_USER,
                sdkAppId,
                room,
                userId,
                time(to),
                time(from.minusSeconds(86_400)),
                time(from));
    }

    private List<UsageRecord> select(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<UsageRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(row(rows).toRecord());
                }
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read usage records", e);
        }
    }

    private static UsageRow row(ResultSet c) throws SQLException {
        return new UsageRow(
                c.getLong(1),
                c.getString(2),
                c.getString(3),
                instant(c.getObject(4, OffsetDateTime.class)),
                instant(c.getObject(5, OffsetDateTime.class)),
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
                c.getObject(20, Long.class));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
