package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.deduction.DeductionKind;
import dev.rtcsuite.packages.domain.deduction.PackageDeduction;
import dev.rtcsuite.packages.domain.deduction.UsageKey;
import dev.rtcsuite.packages.domain.deduction.UsageMinutes;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The append-only deduction ledger (SPEC P-4): one row per deduction with the usage key it consumed
 * and its postpaid overflow, and one part per package that funded it with the package's minutes
 * before and after.
 */
@ApplicationScoped
public class DeductionRepository {

    private static final String COLUMNS =
            "d.deduction_id, d.seq, d.account_id, d.sdk_app_id, d.billing_day, d.tier,"
                    + " d.interval_index, d.kind, d.usage_minutes, d.postpaid_numerator,"
                    + " d.postpaid_denominator, d.postpaid_amount, d.unit_price, d.currency,"
                    + " d.create_time";

    private static final String PART_COLUMNS =
            "deduction_id uuid, position int, package_id uuid, ratio int, package_minutes bigint,"
                    + " usage_numerator bigint, usage_denominator bigint, minutes_before bigint,"
                    + " minutes_after bigint";

    private final Jdbc jdbc;

    public DeductionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A deduction with its position in the ledger (for paging). */
    public record Stored(long seq, Deduction deduction) {}

    /**
     * Appends a deduction; false (nothing written) when an INTERVAL deduction of its usage key is
     * recorded already.
     */
    public boolean insert(Deduction d, String priceBookVersion) {
        int inserted =
                jdbc.update(
                        "INSERT INTO deduction (deduction_id, account_id, sdk_app_id, billing_day,"
                                + " item, tier, interval_index, kind, usage_minutes,"
                                + " postpaid_numerator, postpaid_denominator, postpaid_minutes,"
                                + " postpaid_amount, unit_price, currency, price_book_version,"
                                + " create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                + " ?, ?, ?) ON CONFLICT DO NOTHING",
                        header(d, priceBookVersion));
        if (inserted == 0) {
            return false;
        }
        List<Object[]> parts = new ArrayList<>();
        addParts(d, parts);
        jdbc.insertRows("deduction_part", PART_COLUMNS, parts);
        return true;
    }

    /** Appends many deductions (INTERVAL keys not recorded yet: the caller checked, locked). */
    public void insertAll(List<Deduction> all, List<String> priceBookVersions) {
        List<Object[]> headers = new ArrayList<>();
        List<Object[]> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            headers.add(header(all.get(i), priceBookVersions.get(i)));
            addParts(all.get(i), parts);
        }
        jdbc.insertRows(
                "deduction",
                "deduction_id uuid, account_id uuid, sdk_app_id bigint, billing_day date, item"
                        + " text, tier text, interval_index int, kind text, usage_minutes bigint,"
                        + " postpaid_numerator bigint, postpaid_denominator bigint,"
                        + " postpaid_minutes numeric, postpaid_amount numeric, unit_price numeric,"
                        + " currency text, price_book_version text, create_time timestamptz",
                headers);
        jdbc.insertRows("deduction_part", PART_COLUMNS, parts);
    }

    /** The deduction's row, in the column order of both inserts. */
    private static Object[] header(Deduction d, String priceBookVersion) {
        UsageKey key = d.key();
        return new Object[] {
            d.deductionId(),
            d.accountId(),
            key.sdkAppId(),
            Date.valueOf(key.billingDay()),
            "BASE_SERVICE",
            key.tier().name(),
            key.intervalIndex(),
            d.kind().name(),
            d.usageMinutes(),
            d.postpaidUsageMinutes().numerator(),
            d.postpaidUsageMinutes().denominator(),
            d.postpaidUsageMinutes().toDecimal(),
            d.postpaidAmount().amount(),
            d.unitPrice().amount(),
            d.unitPrice().currency().getCurrencyCode(),
            priceBookVersion,
            d.createTime()
        };
    }

    /** The rows of the deduction's package parts, numbered in order. */
    private static void addParts(Deduction d, List<Object[]> parts) {
        int position = 0;
        for (PackageDeduction part : d.packageDeductions()) {
            parts.add(
                    new Object[] {
                        d.deductionId(),
                        position++,
                        part.packageId(),
                        part.ratio(),
                        part.packageMinutes(),
                        part.usageMinutes().numerator(),
                        part.usageMinutes().denominator(),
                        part.minutesBefore(),
                        part.minutesAfter()
                    });
        }
    }

    /** The INTERVAL deductions recorded for any of {@code keys}, in one query. */
    public Map<UsageKey, Deduction> findIntervals(List<UsageKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<UsageKey, Deduction> found = new java.util.HashMap<>();
        // One index probe per key, whatever the table's statistics say: a join with the unnest
        // may be planned (generic plan, table never analyzed) as a scan of the whole ledger, and
        // OFFSET 0 keeps the planner from flattening the probe into such a join.
        readFrom(
                        " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::int[]) AS u(app, day,"
                                + " tier, idx) CROSS JOIN LATERAL (SELECT * FROM deduction x WHERE"
                                + " x.sdk_app_id = u.app AND x.billing_day = u.day::date AND"
                                + " x.item = 'BASE_SERVICE' AND x.tier = u.tier AND"
                                + " x.interval_index = u.idx AND x.kind = 'INTERVAL' OFFSET 0) d",
                        "",
                        keys.stream().map(UsageKey::sdkAppId).toArray(Long[]::new),
                        keys.stream().map(k -> k.billingDay().toString()).toArray(String[]::new),
                        keys.stream().map(k -> k.tier().name()).toArray(String[]::new),
                        keys.stream().map(UsageKey::intervalIndex).toArray(Integer[]::new))
                .forEach(stored -> found.put(stored.deduction().key(), stored.deduction()));
        return found;
    }

    /** The INTERVAL deduction recorded for {@code key}, if any. */
    public Optional<Deduction> findInterval(UsageKey key) {
        return read(
                        " WHERE d.sdk_app_id = ? AND d.billing_day = ? AND d.item = 'BASE_SERVICE'"
                                + " AND d.tier = ? AND d.interval_index = ? AND d.kind ="
                                + " 'INTERVAL'",
                        key.sdkAppId(),
                        Date.valueOf(key.billingDay()),
                        key.tier().name(),
                        key.intervalIndex())
                .stream()
                .map(Stored::deduction)
                .findFirst();
    }

    /** Every deduction of the account's billing day, oldest first. */
    public List<Deduction> ofDay(UUID accountId, LocalDate billingDay) {
        return read(
                        " WHERE d.account_id = ? AND d.billing_day = ? ORDER BY d.seq",
                        accountId,
                        Date.valueOf(billingDay))
                .stream()
                .map(Stored::deduction)
                .toList();
    }

    /**
     * Newest first, {@code size + 1} rows with seq below {@code beforeSeq} (0 = from the newest).
     *
     * @param sdkAppId 0 = every app
     */
    public List<Stored> list(
            UUID accountId,
            long sdkAppId,
            Optional<LocalDate> billingDay,
            Optional<UUID> packageId,
            long beforeSeq,
            int size) {
        StringBuilder where = new StringBuilder(" WHERE d.account_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(accountId));
        if (sdkAppId != 0) {
            where.append(" AND d.sdk_app_id = ?");
            parameters.add(sdkAppId);
        }
        billingDay.ifPresent(
                day -> {
                    where.append(" AND d.billing_day = ?");
                    parameters.add(Date.valueOf(day));
                });
        packageId.ifPresent(
                id -> {
                    where.append(
                            " AND d.deduction_id IN (SELECT deduction_id FROM deduction_part"
                                    + " WHERE package_id = ?)");
                    parameters.add(id);
                });
        if (beforeSeq > 0) {
            where.append(" AND d.seq < ?");
            parameters.add(beforeSeq);
        }
        where.append(" ORDER BY d.seq DESC LIMIT ?");
        parameters.add(size + 1);
        return read(where.toString(), parameters.toArray());
    }

    /**
     * The base-service overflow of billing days not settled yet, in {@code currency}: the estimate
     * of postpaid charges a balance shows before settlement. Every balance reads it, so it costs
     * one index step per day the account ever overflowed, plus the overflow of the open days; not a
     * read of every deduction the account ever had (which a sum over the account was).
     */
    public java.math.BigDecimal unsettledOverflow(UUID accountId, Currency currency) {
        return jdbc.query(
                        "WITH RECURSIVE days(day) AS ((SELECT billing_day FROM deduction WHERE"
                                + " account_id = ? AND postpaid_amount <> 0 ORDER BY billing_day"
                                + " LIMIT 1) UNION ALL SELECT (SELECT d.billing_day FROM deduction"
                                + " d WHERE d.account_id = ? AND d.postpaid_amount <> 0 AND"
                                + " d.billing_day > days.day ORDER BY d.billing_day LIMIT 1) FROM"
                                + " days WHERE days.day IS NOT NULL) SELECT"
                                + " coalesce(sum(o.postpaid_amount), 0) FROM (SELECT day FROM days"
                                + " WHERE day IS NOT NULL AND NOT EXISTS (SELECT 1 FROM settled_day"
                                + " s WHERE s.account_id = ? AND s.billing_day = days.day)) unsettled"
                                + " CROSS JOIN LATERAL (SELECT d.postpaid_amount FROM deduction d"
                                + " WHERE d.account_id = ? AND d.billing_day = unsettled.day AND"
                                + " d.postpaid_amount <> 0 AND d.currency = ? OFFSET 0) o",
                        row -> row.getBigDecimal(1),
                        accountId,
                        accountId,
                        accountId,
                        accountId,
                        currency.getCurrencyCode())
                .getFirst();
    }

    public void deleteOfAccount(UUID accountId) {
        jdbc.update(
                "DELETE FROM deduction_part WHERE deduction_id IN (SELECT deduction_id FROM"
                        + " deduction WHERE account_id = ?)",
                accountId);
        jdbc.update("DELETE FROM deduction WHERE account_id = ?", accountId);
    }

    private List<Stored> read(String where, Object... parameters) {
        return readFrom(" FROM deduction d", where, parameters);
    }

    /** Deductions with their parts; {@code from} names the deductions {@code d}. */
    private List<Stored> readFrom(String from, String where, Object... parameters) {
        List<Header> headers =
                jdbc.query(
                        "SELECT " + COLUMNS + from + where,
                        DeductionRepository::header,
                        parameters);
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PackageDeduction>> parts = new LinkedHashMap<>();
        headers.forEach(h -> parts.put(h.id, new ArrayList<>()));
        jdbc.query(
                "SELECT deduction_id, package_id, ratio, package_minutes, usage_numerator,"
                        + " usage_denominator, minutes_before, minutes_after FROM deduction_part"
                        + " WHERE deduction_id = ANY (?) ORDER BY deduction_id, position",
                row -> {
                    parts.get(row.getObject(1, UUID.class))
                            .add(
                                    new PackageDeduction(
                                            row.getObject(2, UUID.class),
                                            row.getInt(3),
                                            row.getLong(4),
                                            new UsageMinutes(row.getLong(5), row.getLong(6)),
                                            row.getLong(7),
                                            row.getLong(8)));
                    return null;
                },
                (Object) parts.keySet().toArray(UUID[]::new));
        return headers.stream()
                .map(h -> new Stored(h.seq, h.toDeduction(parts.get(h.id))))
                .toList();
    }

    private record Header(
            UUID id,
            long seq,
            UUID accountId,
            UsageKey key,
            DeductionKind kind,
            long usageMinutes,
            UsageMinutes postpaid,
            Money postpaidAmount,
            Money unitPrice,
            java.time.Instant createTime) {

        Deduction toDeduction(List<PackageDeduction> parts) {
            return new Deduction(
                    id,
                    accountId,
                    key,
                    kind,
                    usageMinutes,
                    parts,
                    postpaid,
                    postpaidAmount,
                    unitPrice,
                    createTime);
        }
    }

    private static Header header(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString(14).strip());
        return new Header(
                row.getObject(1, UUID.class),
                row.getLong(2),
                row.getObject(3, UUID.class),
                new UsageKey(
                        row.getLong(4),
                        row.getDate(5).toLocalDate(),
                        ResolutionTier.valueOf(row.getString(6)),
                        row.getInt(7)),
                DeductionKind.valueOf(row.getString(8)),
                row.getLong(9),
                new UsageMinutes(row.getLong(10), row.getLong(11)),
                Money.of(row.getBigDecimal(12), currency),
                Money.of(row.getBigDecimal(13), currency),
                Jdbc.instant(row, 15));
    }
}
