package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.money.PaymentBreakdown;
import dev.rtcsuite.packages.domain.prepaid.FixedPackageSize;
import dev.rtcsuite.packages.domain.prepaid.PackageKind;
import dev.rtcsuite.packages.domain.prepaid.PackageTerms;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.prepaid.RefundHold;
import dev.rtcsuite.packages.domain.prepaid.Validity;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Prepaid packages (SPEC P-2, P-3); remaining minutes never below zero (CHECK constraint). */
@ApplicationScoped
public class PackageRepository {

    private static final String COLUMNS =
            "package_id, account_id, kind, display_name, total_minutes, remaining_minutes, price,"
                    + " per_minute_price, fixed_size, offer_id, refundable, paid_cash, paid_income,"
                    + " paid_gift, paid_voucher, purchase_time, activation_time, first_day,"
                    + " last_day, expire_time, activated, refund_hold, refund_id, note";

    /** Deduction order (SPEC P-3), the id last so that the order is total. */
    private static final String BURN_DOWN_ORDER =
            " ORDER BY expire_time, purchase_time, package_id";

    private final Jdbc jdbc;

    public PackageRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PrepaidPackage p, Instant now) {
        PackageTerms terms = p.terms();
        PaymentBreakdown paid = p.payment();
        jdbc.update(
                "INSERT INTO prepaid_package ("
                        + COLUMNS
                        + ", update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.packageId(),
                p.accountId(),
                terms.kind().name(),
                terms.displayName(),
                terms.minutes(),
                p.remainingMinutes(),
                terms.price().amount(),
                terms.perMinutePrice().map(Money::amount).orElse(null),
                terms.fixedSize().map(Enum::name).orElse(null),
                terms.offerId().orElse(null),
                terms.refundable(),
                paid.cash().amount(),
                paid.incomeTransfer().amount(),
                paid.gift().amount(),
                paid.voucher().amount(),
                p.purchaseTime(),
                p.activationTime(),
                Date.valueOf(p.validity().firstDay()),
                Date.valueOf(p.validity().lastDay()),
                p.validity().expireTime(),
                p.activated(),
                holdName(p.refundHold()),
                holdRefund(p.refundHold()),
                p.note(),
                now);
    }

    /** Writes what changes over a package's life: minutes left, activation, refund hold. */
    public void update(PrepaidPackage p, Instant now) {
        jdbc.update(
                "UPDATE prepaid_package SET remaining_minutes = ?, activated = ?, refund_hold = ?,"
                        + " refund_id = ?, update_time = ? WHERE package_id = ?",
                p.remainingMinutes(),
                p.activated(),
                holdName(p.refundHold()),
                holdRefund(p.refundHold()),
                now,
                p.packageId());
    }

    /** Minutes taken by deductions, in one round trip. */
    public void updateRemaining(List<PrepaidPackage> changed, Instant now) {
        jdbc.batch(
                "UPDATE prepaid_package SET remaining_minutes = ?, update_time = ? WHERE"
                        + " package_id = ?",
                changed.stream()
                        .map(p -> new Object[] {p.remainingMinutes(), now, p.packageId()})
                        .toList());
    }

    public void forfeit(UUID packageId, long minutes, Instant now) {
        jdbc.update(
                "UPDATE prepaid_package SET forfeited_minutes = ?, update_time = ? WHERE"
                        + " package_id = ?",
                minutes,
                now,
                packageId);
    }

    public long forfeitedMinutes(UUID packageId) {
        return jdbc.query(
                        "SELECT forfeited_minutes FROM prepaid_package WHERE package_id = ?",
                        row -> row.getLong(1),
                        packageId)
                .getFirst();
    }

    public Optional<PrepaidPackage> find(UUID packageId) {
        return first(
                jdbc.query(
                        "SELECT " + COLUMNS + " FROM prepaid_package WHERE package_id = ?",
                        PackageRepository::map,
                        packageId));
    }

    /** Every package of the account, in deduction order. */
    public List<PrepaidPackage> ofAccount(UUID accountId) {
        return jdbc.query(
                "SELECT "
                        + COLUMNS
                        + " FROM prepaid_package WHERE account_id = ?"
                        + BURN_DOWN_ORDER,
                PackageRepository::map,
                accountId);
    }

    /**
     * The packages that may deduct usage of {@code billingDay} at {@code now}, row-locked in
     * package_id order (the caller holds the account's lock already, see account_standing).
     */
    public List<PrepaidPackage> lockDeducting(UUID accountId, LocalDate billingDay, Instant now) {
        return jdbc.query(
                "SELECT "
                        + COLUMNS
                        + " FROM prepaid_package WHERE account_id = ? AND activated AND"
                        + " refund_hold = 'NONE' AND remaining_minutes > 0 AND first_day <= ? AND"
                        + " last_day >= ? AND expire_time > ? ORDER BY package_id FOR UPDATE",
                PackageRepository::map,
                accountId,
                Date.valueOf(billingDay),
                Date.valueOf(billingDay),
                now);
    }

    /**
     * The usable packages of several accounts, locked in (account_id, package_id) order: callers
     * hold the accounts' locks already.
     */
    public List<PrepaidPackage> lockUsable(java.util.Collection<UUID> accountIds, Instant now) {
        return jdbc.query(
                "SELECT "
                        + COLUMNS
                        + " FROM prepaid_package WHERE account_id = ANY(?::uuid[]) AND activated"
                        + " AND refund_hold = 'NONE' AND remaining_minutes > 0 AND expire_time > ?"
                        + " ORDER BY account_id, package_id FOR UPDATE",
                PackageRepository::map,
                accountIds.stream().map(UUID::toString).toArray(String[]::new),
                now);
    }

    /** Locks one package (after its account's lock). */
    public Optional<PrepaidPackage> lock(UUID packageId) {
        return first(
                jdbc.query(
                        "SELECT "
                                + COLUMNS
                                + " FROM prepaid_package WHERE package_id = ? FOR UPDATE",
                        PackageRepository::map,
                        packageId));
    }

    public void deleteOfAccount(UUID accountId) {
        jdbc.update("DELETE FROM prepaid_package WHERE account_id = ?", accountId);
    }

    private static Money cny(java.math.BigDecimal amount) {
        return Money.of(amount, Money.CNY);
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }

    private static String holdName(RefundHold hold) {
        return switch (hold) {
            case RefundHold.None none -> "NONE";
            case RefundHold.Pending pending -> "PENDING";
            case RefundHold.Refunded refunded -> "REFUNDED";
        };
    }

    private static UUID holdRefund(RefundHold hold) {
        return switch (hold) {
            case RefundHold.None none -> null;
            case RefundHold.Pending pending -> pending.refundId();
            case RefundHold.Refunded refunded -> refunded.refundId();
        };
    }

    static PrepaidPackage map(ResultSet row) throws SQLException {
        PackageKind kind = PackageKind.valueOf(row.getString("kind"));
        Optional<Money> perMinute =
                Optional.ofNullable(row.getBigDecimal("per_minute_price"))
                        .map(PackageRepository::cny);
        PackageTerms terms =
                new PackageTerms(
                        kind,
                        row.getString("display_name"),
                        row.getLong("total_minutes"),
                        cny(row.getBigDecimal("price")),
                        perMinute,
                        Optional.ofNullable(row.getString("fixed_size"))
                                .map(FixedPackageSize::valueOf),
                        Optional.ofNullable(row.getObject("offer_id", UUID.class)),
                        row.getBoolean("refundable"));
        PaymentBreakdown payment =
                new PaymentBreakdown(
                        cny(row.getBigDecimal("paid_cash")),
                        cny(row.getBigDecimal("paid_income")),
                        cny(row.getBigDecimal("paid_gift")),
                        cny(row.getBigDecimal("paid_voucher")));
        UUID refundId = row.getObject("refund_id", UUID.class);
        RefundHold hold =
                switch (row.getString("refund_hold")) {
                    case "PENDING" -> new RefundHold.Pending(refundId);
                    case "REFUNDED" -> new RefundHold.Refunded(refundId);
                    default -> RefundHold.NONE;
                };
        return new PrepaidPackage(
                row.getObject("package_id", UUID.class),
                row.getObject("account_id", UUID.class),
                terms,
                payment,
                Jdbc.instant(row, 16),
                Jdbc.instant(row, 17),
                new Validity(
                        row.getDate("first_day").toLocalDate(),
                        row.getDate("last_day").toLocalDate(),
                        Jdbc.instant(row, 20)),
                row.getLong("remaining_minutes"),
                row.getBoolean("activated"),
                hold,
                row.getString("note"));
    }
}
