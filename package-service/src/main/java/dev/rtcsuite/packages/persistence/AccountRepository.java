package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.Account;
import dev.rtcsuite.packages.domain.AccountStatus;
import dev.rtcsuite.packages.domain.StatusReason;
import dev.rtcsuite.packages.domain.TrialExhaustionPolicy;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository {

    private static final String COLUMNS =
            "account_id, display_name, billing_time_zone, trial_exhaustion_policy, status,"
                    + " status_reason, created_time, updated_time, seq";

    private record Row(long seq, Account account) {}

    private final Jdbc jdbc;

    public AccountRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Account account) {
        jdbc.update(
                "INSERT INTO account (account_id, display_name, billing_time_zone,"
                        + " trial_exhaustion_policy, status, status_reason, created_time,"
                        + " updated_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                account.accountId(),
                account.displayName(),
                account.billingTimeZone().getId(),
                account.trialExhaustionPolicy().name(),
                account.status().name(),
                account.statusReason().name(),
                account.createdTime(),
                account.updatedTime());
    }

    /** Writes the status, reason and update time (derived from the account's standing). */
    public void updateStatus(Account account) {
        jdbc.update(
                "UPDATE account SET status = ?, status_reason = ?, updated_time = ? WHERE"
                        + " account_id = ?",
                account.status().name(),
                account.statusReason().name(),
                account.updatedTime(),
                account.accountId());
    }

    public void updateDisplayName(Account account) {
        jdbc.update(
                "UPDATE account SET display_name = ?, updated_time = ? WHERE account_id = ?",
                account.displayName(),
                account.updatedTime(),
                account.accountId());
    }

    public Optional<Account> find(UUID accountId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM account WHERE account_id = ?",
                        AccountRepository::row,
                        accountId)
                .stream()
                .findFirst()
                .map(Row::account);
    }

    /** Accounts in creation order: {@code size} of them after creation sequence {@code after}. */
    public Page<Account> list(long after, int size) {
        List<Row> rows =
                jdbc.query(
                        "SELECT " + COLUMNS + " FROM account WHERE seq > ? ORDER BY seq LIMIT ?",
                        AccountRepository::row,
                        after,
                        size + 1);
        return Page.of(rows, size, Row::seq, Row::account);
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(
                row.getLong(9),
                new Account(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        ZoneId.of(row.getString(3)),
                        TrialExhaustionPolicy.valueOf(row.getString(4)),
                        AccountStatus.valueOf(row.getString(5)),
                        StatusReason.valueOf(row.getString(6)),
                        Jdbc.instant(row, 7),
                        Jdbc.instant(row, 8)));
    }
}
