package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.settlement.SettlementCycle;
import dev.rtcsuite.packages.domain.standing.Arrears;
import dev.rtcsuite.packages.domain.standing.ServiceStanding;
import dev.rtcsuite.packages.domain.standing.ViolationSuspension;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The facts behind each account's status (SPEC P-5, P-6), one row per account. Locking that row is
 * how every change to an account's packages and money is serialized: take it first, always.
 */
@ApplicationScoped
public class StandingRepository {

    /** The standing and the account settings kept beside it. */
    public record StandingRow(
            ServiceStanding standing,
            SettlementCycle settlementCycle,
            boolean enterpriseVerified,
            Optional<Instant> firstAppTime) {}

    private static final String COLUMNS =
            "account_id, postpaid_enabled, stopped_for_trial, arrears_since, arrears_suspended,"
                    + " violation_time, violation_reason, reclaimed_time, settlement_cycle,"
                    + " enterprise_verified, first_app_time";

    private final Jdbc jdbc;

    public StandingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID accountId) {
        jdbc.update("INSERT INTO account_standing (account_id) VALUES (?)", accountId);
    }

    /** Reads the row and locks it until the transaction ends. */
    public Optional<StandingRow> lock(UUID accountId) {
        return read(" WHERE account_id = ? FOR UPDATE", accountId).stream().findFirst();
    }

    /**
     * Locks the rows of several accounts, in account_id order (so that two callers locking
     * overlapping sets never deadlock); returns the accounts that exist.
     */
    public java.util.Set<UUID> lockAll(java.util.Collection<UUID> accountIds) {
        return new java.util.HashSet<>(
                jdbc.query(
                        "SELECT account_id FROM account_standing WHERE account_id ="
                                + " ANY(?::uuid[]) ORDER BY account_id FOR UPDATE",
                        row -> row.getObject(1, UUID.class),
                        (Object) accountIds.stream().map(UUID::toString).toArray(String[]::new)));
    }

    public Optional<StandingRow> find(UUID accountId) {
        return read(" WHERE account_id = ?", accountId).stream().findFirst();
    }

    /** Accounts whose standing allows settlement, for the scheduler. */
    public List<UUID> accountsNotReclaimed() {
        return jdbc.query(
                "SELECT account_id FROM account_standing WHERE reclaimed_time IS NULL",
                row -> row.getObject(1, UUID.class));
    }

    public void save(ServiceStanding s) {
        jdbc.update(
                "UPDATE account_standing SET postpaid_enabled = ?, stopped_for_trial = ?,"
                        + " arrears_since = ?, arrears_suspended = ?, violation_time = ?,"
                        + " violation_reason = ?, reclaimed_time = ? WHERE account_id = ?",
                s.postpaidEnabled(),
                s.stoppedForTrial(),
                s.arrears().map(Arrears::since).orElse(null),
                s.arrears().map(Arrears::suspended).orElse(false),
                s.violation().map(ViolationSuspension::time).orElse(null),
                s.violation().map(ViolationSuspension::reason).orElse(""),
                s.reclaimedTime().orElse(null),
                s.accountId());
    }

    public void saveSettings(UUID accountId, SettlementCycle cycle, boolean enterpriseVerified) {
        jdbc.update(
                "UPDATE account_standing SET settlement_cycle = ?, enterprise_verified = ? WHERE"
                        + " account_id = ?",
                cycle.name(),
                enterpriseVerified,
                accountId);
    }

    /** Records when the first app was created; later apps leave it unchanged. */
    public void firstAppCreated(UUID accountId, Instant time) {
        jdbc.update(
                "UPDATE account_standing SET first_app_time = ? WHERE account_id = ? AND"
                        + " first_app_time IS NULL",
                time,
                accountId);
    }

    public void recordChange(
            UUID accountId, String status, String reason, String cause, Instant time) {
        jdbc.update(
                "INSERT INTO standing_change (account_id, status, reason, cause, change_time)"
                        + " VALUES (?, ?, ?, ?, ?)",
                accountId,
                status,
                reason,
                cause,
                time);
    }

    private List<StandingRow> read(String where, Object... parameters) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM account_standing" + where,
                StandingRepository::map,
                parameters);
    }

    private static StandingRow map(ResultSet row) throws SQLException {
        Optional<Instant> arrearsSince = Optional.ofNullable(Jdbc.instant(row, 4));
        boolean suspended = row.getBoolean(5);
        Optional<Instant> violationTime = Optional.ofNullable(Jdbc.instant(row, 6));
        String violationReason = row.getString(7);
        ServiceStanding standing =
                new ServiceStanding(
                        row.getObject(1, UUID.class),
                        row.getBoolean(2),
                        row.getBoolean(3),
                        arrearsSince.map(since -> new Arrears(since, suspended)),
                        violationTime.map(time -> new ViolationSuspension(time, violationReason)),
                        Optional.ofNullable(Jdbc.instant(row, 8)));
        return new StandingRow(
                standing,
                SettlementCycle.valueOf(row.getString(9)),
                row.getBoolean(10),
                Optional.ofNullable(Jdbc.instant(row, 11)));
    }
}
