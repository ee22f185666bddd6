package dev.rtcsuite.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The statement of a list RPC: only the filters set, each bound once, then the keyset page. */
class ListQuerySqlTest {

    private enum Colour {
        RED,
        GREEN
    }

    /** Captures the statement instead of running it. */
    private static final class Captured extends Jdbc {
        String sql;
        List<Object> parameters;

        Captured() {
            super(null);
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
            this.sql = sql;
            this.parameters = List.of(parameters);
            return List.of();
        }
    }

    private final Captured jdbc = new Captured();

    @Test
    void unsetFiltersAddNothing() {
        new ListQuerySql("SELECT x FROM t WHERE app = ?", 7L)
                .equal("user_id", "")
                .equal("room_key", Optional.empty())
                .anyOf("state", Set.<Colour>of())
                .within("create_time", Optional.empty(), Optional.empty())
                .page(jdbc, 0, true, 11, row -> row);

        assertThat(jdbc.sql)
                .isEqualTo("SELECT x FROM t WHERE app = ? ORDER BY list_seq DESC LIMIT ?");
        assertThat(jdbc.parameters).containsExactly(7L, 11);
    }

    @Test
    void everyFilterSetIsOneConditionWithItsParametersInOrder() {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant before = Instant.parse("2026-12-01T00:00:00Z");
        new ListQuerySql("SELECT x FROM t WHERE app = ?", 7L)
                .equal("user_id", "alice")
                .equal("room_key", Optional.of("r1"))
                .anyOf("state", EnumSet.of(Colour.RED, Colour.GREEN))
                .within("create_time", Optional.of(from), Optional.of(before))
                .and("(a = ? OR b = ?)", "p", "q")
                .page(jdbc, 42, false, 11, row -> row);

        assertThat(jdbc.sql)
                .isEqualTo(
                        "SELECT x FROM t WHERE app = ? AND user_id = ? AND room_key = ? AND state ="
                                + " ANY (?) AND create_time >= ? AND create_time < ? AND (a = ? OR"
                                + " b = ?) AND list_seq > ? ORDER BY list_seq LIMIT ?");
        assertThat(jdbc.parameters).hasSize(10);
        assertThat(jdbc.parameters.get(3)).isEqualTo(new String[] {"RED", "GREEN"});
        assertThat(jdbc.parameters)
                .containsSubsequence(7L, "alice", "r1")
                .containsSubsequence(from, before, "p", "q", 42L, 11);
    }

    @Test
    void aNewestFirstPageContinuesBelowTheTokensSequence() {
        new ListQuerySql("SELECT x FROM t WHERE app = ?", 7L).page(jdbc, 42, true, 5, row -> row);

        assertThat(jdbc.sql)
                .isEqualTo(
                        "SELECT x FROM t WHERE app = ? AND list_seq < ? ORDER BY list_seq DESC"
                                + " LIMIT ?");
        assertThat(jdbc.parameters).containsExactly(7L, 42L, 5);
    }
}
