package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.money.PaymentBreakdown;
import dev.rtcsuite.packages.domain.refund.Refund;
import dev.rtcsuite.packages.domain.refund.RefundState;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Refund requests and their review (SPEC P-7). */
@ApplicationScoped
public class RefundRepository {

    private static final String COLUMNS =
            "refund_id, account_id, package_id, state, reason, rejection_reason, refund_cash,"
                    + " refund_income, refund_gift, request_time, review_deadline_time,"
                    + " decide_time, reviewer, seq";

    /** A refund with its position (for paging). */
    public record Stored(long seq, Refund refund) {}

    private final Jdbc jdbc;

    public RefundRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Refund r) {
        PaymentBreakdown b = r.breakdown();
        jdbc.update(
                "INSERT INTO refund (refund_id, account_id, package_id, state, reason,"
                        + " rejection_reason, refund_cash, refund_income, refund_gift,"
                        + " request_time, review_deadline_time, decide_time, reviewer) VALUES (?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.refundId(),
                r.accountId(),
                r.packageId(),
                r.state().name(),
                r.reason(),
                r.rejectionReason(),
                b.cash().amount(),
                b.incomeTransfer().amount(),
                b.gift().amount(),
                r.requestTime(),
                r.reviewDeadlineTime(),
                r.decideTime().orElse(null),
                r.reviewer());
    }

    public void update(Refund r) {
        jdbc.update(
                "UPDATE refund SET state = ?, rejection_reason = ?, decide_time = ?, reviewer = ?"
                        + " WHERE refund_id = ?",
                r.state().name(),
                r.rejectionReason(),
                r.decideTime().orElse(null),
                r.reviewer(),
                r.refundId());
    }

    public Optional<Refund> find(UUID refundId) {
        return read(" WHERE refund_id = ?", refundId).stream().map(Stored::refund).findFirst();
    }

    public List<Refund> pendingOf(UUID accountId) {
        return read(" WHERE account_id = ? AND state = 'PENDING_REVIEW'", accountId).stream()
                .map(Stored::refund)
                .toList();
    }

    /** Newest first; {@code accountId} empty = every account. */
    public List<Stored> list(
            Optional<UUID> accountId, Set<RefundState> states, long beforeSeq, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> parameters = new ArrayList<>();
        accountId.ifPresent(
                id -> {
                    where.append(" AND account_id = ?");
                    parameters.add(id);
                });
        if (!states.isEmpty()) {
            where.append(" AND state = ANY (?)");
            parameters.add(states.stream().map(Enum::name).toArray(String[]::new));
        }
        if (beforeSeq > 0) {
            where.append(" AND seq < ?");
            parameters.add(beforeSeq);
        }
        where.append(" ORDER BY seq DESC LIMIT ?");
        parameters.add(size + 1);
        return read(where.toString(), parameters.toArray());
    }

    public void deleteOfAccount(UUID accountId) {
        jdbc.update("DELETE FROM refund WHERE account_id = ?", accountId);
    }

    private List<Stored> read(String where, Object... parameters) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM refund" + where, RefundRepository::map, parameters);
    }

    private static Stored map(ResultSet row) throws SQLException {
        Refund refund =
                new Refund(
                        row.getObject(1, UUID.class),
                        row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class),
                        RefundState.valueOf(row.getString(4)),
                        row.getString(5),
                        row.getString(6),
                        new PaymentBreakdown(
                                Money.of(row.getBigDecimal(7), Money.CNY),
                                Money.of(row.getBigDecimal(8), Money.CNY),
                                Money.of(row.getBigDecimal(9), Money.CNY),
                                Money.zero(Money.CNY)),
                        Jdbc.instant(row, 10),
                        Jdbc.instant(row, 11),
                        Optional.ofNullable(Jdbc.instant(row, 12)),
                        row.getString(13));
        return new Stored(row.getLong(14), refund);
    }
}
