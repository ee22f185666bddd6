package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.money.Balances;
import dev.rtcsuite.packages.domain.money.FundMovement;
import dev.rtcsuite.packages.domain.money.FundType;
import dev.rtcsuite.packages.domain.money.Funds;
import dev.rtcsuite.packages.domain.money.FundsChange;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Balances (one row per account and currency) and the append-only money ledger (SPEC P-5): every
 * fund movement is a ledger entry with the fund's value after it.
 */
@ApplicationScoped
public class MoneyRepository {

    /** What caused a movement; mirrors the LedgerEntryKind of the API. */
    public enum EntryKind {
        TOP_UP,
        PACKAGE_PURCHASE,
        PACKAGE_REFUND,
        POSTPAID_SETTLEMENT
    }

    /** What a movement relates to. Empty strings and nulls where it relates to nothing. */
    public record EntryContext(
            EntryKind kind,
            UUID packageId,
            UUID refundId,
            UUID statementId,
            String requestId,
            String externalReference) {

        public static EntryContext of(EntryKind kind) {
            return new EntryContext(kind, null, null, null, "", "");
        }

        public EntryContext withPackage(UUID id) {
            return new EntryContext(kind, id, refundId, statementId, requestId, externalReference);
        }

        public EntryContext withRefund(UUID id) {
            return new EntryContext(kind, packageId, id, statementId, requestId, externalReference);
        }

        public EntryContext withStatement(UUID id) {
            return new EntryContext(kind, packageId, refundId, id, requestId, externalReference);
        }

        public EntryContext withRequest(String id, String reference) {
            return new EntryContext(kind, packageId, refundId, statementId, id, reference);
        }
    }

    /** One stored ledger entry. */
    public record Entry(
            long seq,
            UUID entryId,
            UUID accountId,
            EntryKind kind,
            FundType fund,
            Money amount,
            Money fundBalanceAfter,
            Optional<UUID> packageId,
            Optional<UUID> refundId,
            Optional<UUID> statementId,
            String requestId,
            String externalReference,
            Instant createTime) {}

    private final Jdbc jdbc;

    public MoneyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every currency of the account; CNY is always there. Call with the account locked. */
    public Balances balances(UUID accountId) {
        List<Funds> rows =
                jdbc.query(
                        "SELECT currency, cash, income_transfer, gift FROM balance WHERE"
                                + " account_id = ?",
                        MoneyRepository::funds,
                        accountId);
        return new Balances(
                rows.stream().collect(Collectors.toMap(Funds::currency, Function.identity())));
    }

    /**
     * Stores the funds after {@code change} and one ledger entry per movement; returns the entries.
     */
    public List<Entry> apply(
            UUID accountId, FundsChange change, EntryContext context, Instant now) {
        Funds after = change.after();
        jdbc.update(
                "INSERT INTO balance (account_id, currency, cash, income_transfer, gift) VALUES (?,"
                        + " ?, ?, ?, ?) ON CONFLICT (account_id, currency) DO UPDATE SET cash ="
                        + " EXCLUDED.cash, income_transfer = EXCLUDED.income_transfer, gift ="
                        + " EXCLUDED.gift",
                accountId,
                after.currency().getCurrencyCode(),
                after.cash().amount(),
                after.incomeTransfer().amount(),
                after.gift().amount());
        List<Entry> entries = new ArrayList<>();
        for (FundMovement movement : change.movements()) {
            Entry entry =
                    new Entry(
                            0,
                            UUID.randomUUID(),
                            accountId,
                            context.kind(),
                            movement.fund(),
                            movement.amount(),
                            movement.fundBalanceAfter(),
                            Optional.ofNullable(context.packageId()),
                            Optional.ofNullable(context.refundId()),
                            Optional.ofNullable(context.statementId()),
                            context.requestId(),
                            context.externalReference(),
                            now);
            jdbc.update(
                    "INSERT INTO ledger_entry (entry_id, account_id, kind, fund, currency, amount,"
                            + " fund_balance_after, package_id, refund_id, statement_id,"
                            + " request_id, external_reference, create_time) VALUES (?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    entry.entryId(),
                    accountId,
                    entry.kind().name(),
                    entry.fund().name(),
                    entry.amount().currency().getCurrencyCode(),
                    entry.amount().amount(),
                    entry.fundBalanceAfter().amount(),
                    context.packageId(),
                    context.refundId(),
                    context.statementId(),
                    context.requestId(),
                    context.externalReference(),
                    now);
            entries.add(entry);
        }
        return entries;
    }

    /** Newest first, {@code size + 1} entries with seq below {@code beforeSeq} (0 = newest). */
    public List<Entry> entries(
            UUID accountId,
            Set<EntryKind> kinds,
            Optional<Instant> from,
            Optional<Instant> until,
            long beforeSeq,
            int size) {
        StringBuilder where = new StringBuilder(" WHERE account_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(accountId));
        if (!kinds.isEmpty()) {
            where.append(" AND kind = ANY (?)");
            parameters.add(kinds.stream().map(Enum::name).toArray(String[]::new));
        }
        from.ifPresent(
                t -> {
                    where.append(" AND create_time >= ?");
                    parameters.add(t);
                });
        until.ifPresent(
                t -> {
                    where.append(" AND create_time < ?");
                    parameters.add(t);
                });
        if (beforeSeq > 0) {
            where.append(" AND seq < ?");
            parameters.add(beforeSeq);
        }
        parameters.add(size + 1);
        return jdbc.query(
                "SELECT seq, entry_id, account_id, kind, fund, currency, amount,"
                        + " fund_balance_after, package_id, refund_id, statement_id, request_id,"
                        + " external_reference, create_time FROM ledger_entry"
                        + where
                        + " ORDER BY seq DESC LIMIT ?",
                MoneyRepository::entry,
                parameters.toArray());
    }

    private static Funds funds(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString(1).strip());
        return new Funds(
                Money.of(row.getBigDecimal(2), currency),
                Money.of(row.getBigDecimal(3), currency),
                Money.of(row.getBigDecimal(4), currency));
    }

    private static Entry entry(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString(6).strip());
        return new Entry(
                row.getLong(1),
                row.getObject(2, UUID.class),
                row.getObject(3, UUID.class),
                EntryKind.valueOf(row.getString(4)),
                FundType.valueOf(row.getString(5)),
                Money.of(row.getBigDecimal(7), currency),
                Money.of(row.getBigDecimal(8), currency),
                Optional.ofNullable(row.getObject(9, UUID.class)),
                Optional.ofNullable(row.getObject(10, UUID.class)),
                Optional.ofNullable(row.getObject(11, UUID.class)),
                row.getString(12),
                row.getString(13),
                dev.rtcsuite.platform.persistence.Jdbc.instant(row, 14));
    }
}
