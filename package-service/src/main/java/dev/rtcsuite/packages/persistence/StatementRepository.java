package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.settlement.ChargeLine;
import dev.rtcsuite.packages.domain.settlement.Statement;
import dev.rtcsuite.packages.domain.settlement.StatementKind;
import dev.rtcsuite.packages.domain.settlement.StatementState;
import dev.rtcsuite.packages.domain.usage.BillableItem;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Settled billing days and the immutable statements they produced (SPEC P-5). */
@ApplicationScoped
public class StatementRepository {

    private static final String COLUMNS =
            "statement_id, seq, account_id, kind, start_day, end_day, state, currency,"
                    + " total_amount, charged_amount, balance_after, arrears_triggered, settle_time";

    /** A statement with its position (for paging). */
    public record Stored(long seq, Statement statement) {}

    private final Jdbc jdbc;

    public StatementRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the billing day for settlement; false when it was settled before. */
    public boolean claimDay(UUID accountId, LocalDate billingDay, Instant now) {
        return jdbc.update(
                        "INSERT INTO settled_day (account_id, billing_day, settle_time) VALUES (?,"
                                + " ?, ?) ON CONFLICT DO NOTHING",
                        accountId,
                        Date.valueOf(billingDay),
                        now)
                == 1;
    }

    public void insert(Statement s) {
        jdbc.update(
                "INSERT INTO statement (statement_id, account_id, kind, start_day, end_day, state,"
                        + " currency, total_amount, charged_amount, balance_after,"
                        + " arrears_triggered, settle_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?)",
                s.statementId(),
                s.accountId(),
                s.kind().name(),
                Date.valueOf(s.startDay()),
                Date.valueOf(s.endDay()),
                s.state().name(),
                s.currency().getCurrencyCode(),
                s.totalAmount().amount(),
                s.chargedAmount().amount(),
                s.balanceAfter().map(Money::amount).orElse(null),
                s.arrearsTriggered(),
                s.settleTime());
        List<Object[]> lines = new ArrayList<>();
        int position = 0;
        for (ChargeLine line : s.lines()) {
            lines.add(
                    new Object[] {
                        s.statementId(),
                        position++,
                        line.sdkAppId(),
                        line.item().name(),
                        line.tier().map(Enum::name).orElse(null),
                        line.above4k(),
                        line.quantity(),
                        line.amount().amount()
                    });
        }
        jdbc.batch(
                "INSERT INTO statement_line (statement_id, position, sdk_app_id, item, tier,"
                        + " above_4k, quantity, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                lines);
    }

    /** INFORMATIONAL daily statements not yet charged by a period statement. */
    public List<Statement> unchargedDays(UUID accountId) {
        return read(
                " WHERE account_id = ? AND state = 'INFORMATIONAL' AND charged_by IS NULL ORDER"
                        + " BY start_day",
                accountId);
    }

    public void markCharged(List<Statement> days, UUID periodStatementId) {
        jdbc.batch(
                "UPDATE statement SET charged_by = ? WHERE statement_id = ?",
                days.stream().map(d -> new Object[] {periodStatementId, d.statementId()}).toList());
    }

    /** The statements produced when {@code billingDay} was settled. */
    public List<Statement> settledOn(UUID accountId, LocalDate billingDay) {
        return read(
                " WHERE account_id = ? AND (start_day = ? AND kind = 'DAILY' OR end_day = ? AND"
                        + " kind = 'MONTHLY') ORDER BY seq",
                accountId,
                Date.valueOf(billingDay),
                Date.valueOf(billingDay));
    }

    public Optional<Statement> find(UUID statementId) {
        return read(" WHERE statement_id = ?", statementId).stream().findFirst();
    }

    /** Newest period first, {@code size + 1} rows after position {@code offset}. */
    public List<Statement> list(
            UUID accountId,
            Optional<StatementKind> kind,
            Optional<LocalDate> startDay,
            Optional<LocalDate> endDay,
            long offset,
            int size) {
        StringBuilder where = new StringBuilder(" WHERE account_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(accountId));
        kind.ifPresent(
                k -> {
                    where.append(" AND kind = ?");
                    parameters.add(k.name());
                });
        startDay.ifPresent(
                d -> {
                    where.append(" AND start_day >= ?");
                    parameters.add(Date.valueOf(d));
                });
        endDay.ifPresent(
                d -> {
                    where.append(" AND end_day <= ?");
                    parameters.add(Date.valueOf(d));
                });
        where.append(" ORDER BY start_day DESC, seq DESC OFFSET ? LIMIT ?");
        parameters.add(offset);
        parameters.add(size + 1);
        return read(where.toString(), parameters.toArray());
    }

    private List<Statement> read(String where, Object... parameters) {
        List<Statement> headers =
                jdbc.query(
                        "SELECT " + COLUMNS + " FROM statement" + where,
                        StatementRepository::header,
                        parameters);
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ChargeLine>> lines = new LinkedHashMap<>();
        headers.forEach(h -> lines.put(h.statementId(), new ArrayList<>()));
        Map<UUID, Currency> currencies = new LinkedHashMap<>();
        headers.forEach(h -> currencies.put(h.statementId(), h.currency()));
        jdbc.query(
                "SELECT statement_id, sdk_app_id, item, tier, above_4k, quantity, amount FROM"
                        + " statement_line WHERE statement_id = ANY (?) ORDER BY statement_id,"
                        + " position",
                row -> {
                    UUID id = row.getObject(1, UUID.class);
                    lines.get(id)
                            .add(
                                    new ChargeLine(
                                            row.getLong(2),
                                            BillableItem.valueOf(row.getString(3)),
                                            Optional.ofNullable(row.getString(4))
                                                    .map(ResolutionTier::valueOf),
                                            row.getBoolean(5),
                                            row.getBigDecimal(6),
                                            Money.of(row.getBigDecimal(7), currencies.get(id))));
                    return null;
                },
                (Object) lines.keySet().toArray(UUID[]::new));
        return headers.stream()
                .map(
                        h ->
                                new Statement(
                                        h.statementId(),
                                        h.accountId(),
                                        h.kind(),
                                        h.startDay(),
                                        h.endDay(),
                                        h.state(),
                                        h.currency(),
                                        lines.get(h.statementId()),
                                        h.totalAmount(),
                                        h.chargedAmount(),
                                        h.balanceAfter(),
                                        h.arrearsTriggered(),
                                        h.settleTime()))
                .toList();
    }

    private static Statement header(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString(8).strip());
        return new Statement(
                row.getObject(1, UUID.class),
                row.getObject(3, UUID.class),
                StatementKind.valueOf(row.getString(4)),
                row.getDate(5).toLocalDate(),
                row.getDate(6).toLocalDate(),
                StatementState.valueOf(row.getString(7)),
                currency,
                List.of(),
                Money.of(row.getBigDecimal(9), currency),
                Money.of(row.getBigDecimal(10), currency),
                Optional.ofNullable(row.getBigDecimal(11)).map(a -> Money.of(a, currency)),
                row.getBoolean(12),
                Jdbc.instant(row, 13));
    }
}
