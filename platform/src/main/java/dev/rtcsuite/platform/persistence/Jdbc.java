package dev.rtcsuite.platform.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plain SQL on the current transaction's connection, for repositories whose rows are not entities
 * (append-only logs, aggregates, queues). Instants are bound as UTC timestamptz; a failure keeps
 * its SQLException as the cause, so an unreachable database still maps to UNAVAILABLE.
 */
@ApplicationScoped
public class Jdbc {

    /** Reads one row. */
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + sql, e);
        }
    }

    /** Runs one statement for each parameter row, in one round trip. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("batch failed: " + sql, e);
        }
    }

    /**
     * Inserts rows with one statement however many there are: each column travels as one text
     * array, cast to its type on the server ({@code typedColumns} is "name type, …", e.g.
     * "deduction_id uuid, billing_day date"; types without parentheses). A batch of single-row
     * INSERTs runs the statement once per row; this runs it once.
     */
    public void insertRows(String table, String typedColumns, List<Object[]> rows) {
        insertRows(table, typedColumns, rows, "");
    }

    /** As {@link #insertRows(String, String, List)}, with an ON CONFLICT clause after the rows. */
    public void insertRows(
            String table, String typedColumns, List<Object[]> rows, String onConflict) {
        if (rows.isEmpty()) {
            return;
        }
        String[][] columns =
                Arrays.stream(typedColumns.split(","))
                        .map(column -> column.strip().split("\\s+"))
                        .toArray(String[][]::new);
        Object[] arrays = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = text(rows.get(r)[c]);
            }
            arrays[c] = values;
        }
        update(
                "INSERT INTO "
                        + table
                        + " ("
                        + Arrays.stream(columns).map(c -> c[0]).collect(Collectors.joining(", "))
                        + ") SELECT * FROM unnest("
                        + Arrays.stream(columns)
                                .map(c -> "?::text[]::" + c[1] + "[]")
                                .collect(Collectors.joining(", "))
                        + ") "
                        + onConflict,
                arrays);
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal decimal -> decimal.toPlainString();
            default -> value.toString();
        };
    }

    /** The instant of a timestamptz column, or null. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, parameters);
        return statement;
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value =
                    parameters[i] instanceof Instant instant
                            ? instant.atOffset(ZoneOffset.UTC)
                            : parameters[i];
            statement.setObject(i + 1, value);
        }
    }
}
