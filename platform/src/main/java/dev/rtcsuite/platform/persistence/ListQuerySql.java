package dev.rtcsuite.platform.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The SELECT of a list RPC: a fixed start, then one {@code AND} per filter the request sets, then a
 * page in {@code list_seq} order after the page token's sequence number (keyset paging, stable
 * while rows are added). Filters left unset add nothing, so every combination is one statement
 * whose parameters are always bound, never concatenated.
 */
public final class ListQuerySql {

    private final StringBuilder sql;
    private final List<Object> parameters = new ArrayList<>();

    /** {@code selectWhere} ends in a condition; its parameters follow. */
    public ListQuerySql(String selectWhere, Object... parameters) {
        this.sql = new StringBuilder(selectWhere);
        this.parameters.addAll(List.of(parameters));
    }

    /** {@code AND condition} with its parameters. */
    public ListQuerySql and(String condition, Object... values) {
        sql.append(" AND ").append(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    /** {@code AND column = ?} unless {@code value} is empty (an unset proto string). */
    public ListQuerySql equal(String column, String value) {
        return value.isEmpty() ? this : and(column + " = ?", value);
    }

    /** {@code AND column = ?} when {@code value} is present. */
    public ListQuerySql equal(String column, Optional<?> value) {
        return value.isPresent() ? and(column + " = ?", value.get()) : this;
    }

    /** {@code AND column = ANY (?)} over the names of {@code values}, unless there are none. */
    public ListQuerySql anyOf(String column, Collection<? extends Enum<?>> values) {
        return values.isEmpty()
                ? this
                : and(
                        column + " = ANY (?)",
                        // one parameter, the array: not spread over the varargs
                        (Object) values.stream().map(Enum::name).toArray(String[]::new));
    }

    /** {@code from ≤ column < before}, each bound only when present. */
    public ListQuerySql within(String column, Optional<Instant> from, Optional<Instant> before) {
        from.ifPresent(time -> and(column + " >= ?", time));
        before.ifPresent(time -> and(column + " < ?", time));
        return this;
    }

    /**
     * Runs the query: {@code limit} rows after {@code afterSeq} (0 = from the start), newest or
     * oldest first.
     */
    public <T> List<T> page(
            Jdbc jdbc, long afterSeq, boolean newestFirst, int limit, Jdbc.RowMapper<T> mapper) {
        if (afterSeq > 0) {
            and(newestFirst ? "list_seq < ?" : "list_seq > ?", afterSeq);
        }
        sql.append(newestFirst ? " ORDER BY list_seq DESC" : " ORDER BY list_seq")
                .append(" LIMIT ?");
        parameters.add(limit);
        return jdbc.query(sql.toString(), mapper, parameters.toArray());
    }
}
