package dev.rtcsuite.rating.persistence;

import dev.rtcsuite.rating.application.StoredPriceBook;
import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.price.ContractAssignment;
import dev.rtcsuite.rating.domain.price.ItemPrice;
import dev.rtcsuite.rating.domain.price.PriceBook;
import dev.rtcsuite.rating.domain.price.PriceBookKind;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Price books and contract assignments; both are written once and never changed. */
@ApplicationScoped
public class PriceBookRepository {

    private static final String UNTIERED = "-";

    private final AgroalDataSource dataSource;

    public PriceBookRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the book unless its version exists; true when it was stored now. */
    public boolean insertIfAbsent(StoredPriceBook stored) {
        PriceBook book = stored.book();
        return jdbc(
                connection -> {
                    try (PreparedStatement insert =
                            connection.prepareStatement(
                                    "INSERT INTO price_book (version, kind, display_name,"
                                            + " effective_time, created_time) VALUES (?, ?, ?, ?, ?)"
                                            + " ON CONFLICT DO NOTHING")) {
                        insert.setString(1, book.version());
                        insert.setString(2, book.kind().name());
                        insert.setString(3, stored.displayName());
                        insert.setObject(
                                4,
                                stored.effectiveFrom().map(PriceBookRepository::time).orElse(null),
                                Types.TIMESTAMP_WITH_TIMEZONE);
                        insert.setObject(5, time(stored.createdTime()));
                        if (insert.executeUpdate() == 0) {
                            return false;
                        }
                    }
                    try (PreparedStatement price =
                            connection.prepareStatement(
                                    "INSERT INTO price_book_price (version, item, tier, currency,"
                                            + " unit_price) VALUES (?, ?, ?, ?, ?)")) {
                        for (var entry : book.prices().entrySet()) {
                            for (var tierPrice : tierPrices(entry.getValue()).entrySet()) {
                                price.setString(1, book.version());
                                price.setString(2, entry.getKey().name());
                                price.setString(3, tierPrice.getKey());
                                price.setString(4, entry.getValue().currency().getCurrencyCode());
                                price.setBigDecimal(5, tierPrice.getValue());
                                price.addBatch();
                            }
                        }
                        price.executeBatch();
                    }
                    return true;
                });
    }

    public Optional<StoredPriceBook> find(String version) {
        return all().stream().filter(b -> b.book().version().equals(version)).findFirst();
    }

    /** Every book, in version order. Books are few: they are read whole. */
    public List<StoredPriceBook> all() {
        return jdbc(
                connection -> {
                    Map<String, PriceBook.Builder> builders = new LinkedHashMap<>();
                    Map<String, StoredPriceBook> heads = new LinkedHashMap<>();
                    try (PreparedStatement select =
                                    connection.prepareStatement(
                                            "SELECT version, kind, display_name, effective_time,"
                                                    + " created_time FROM price_book ORDER BY"
                                                    + " version");
                            ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            String version = rows.getString(1);
                            builders.put(
                                    version,
                                    PriceBook.builder(
                                            version, PriceBookKind.valueOf(rows.getString(2))));
                            heads.put(
                                    version,
                                    new StoredPriceBook(
                                            null,
                                            rows.getString(3),
                                            Optional.ofNullable(
                                                            rows.getObject(4, OffsetDateTime.class))
                                                    .map(OffsetDateTime::toInstant),
                                            rows.getObject(5, OffsetDateTime.class).toInstant()));
                        }
                    }
                    try (PreparedStatement select =
                                    connection.prepareStatement(
                                            "SELECT version, item, tier, currency, unit_price FROM"
                                                    + " price_book_price");
                            ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            PriceBook.Builder builder = builders.get(rows.getString(1));
                            BillableItem item = BillableItem.valueOf(rows.getString(2));
                            String tier = rows.getString(3);
                            Currency currency = Currency.getInstance(rows.getString(4));
                            BigDecimal price = rows.getBigDecimal(5).stripTrailingZeros();
                            if (tier.equals(UNTIERED)) {
                                builder.perUnit(item, currency, price);
                            } else {
                                builder.perMinute(
                                        item, ResolutionTier.valueOf(tier), currency, price);
                            }
                        }
                    }
                    List<StoredPriceBook> books = new ArrayList<>();
                    heads.forEach(
                            (version, head) ->
                                    books.add(
                                            new StoredPriceBook(
                                                    builders.get(version).build(),
                                                    head.displayName(),
                                                    head.effectiveFrom(),
                                                    head.createdTime())));
                    return books;
                });
    }

    public void insert(ContractAssignment assignment, Instant createdTime) {
        jdbc(
                connection -> {
                    try (PreparedStatement insert =
                            connection.prepareStatement(
                                    "INSERT INTO contract_assignment (account_id, effective_time,"
                                            + " price_book_version, created_time) VALUES (?, ?, ?,"
                                            + " ?) ON CONFLICT (account_id, effective_time) DO"
                                            + " NOTHING")) {
                        insert.setString(1, assignment.accountId());
                        insert.setObject(2, time(assignment.effectiveFrom()));
                        insert.setString(3, assignment.book().map(PriceBook::version).orElse(null));
                        insert.setObject(4, time(createdTime));
                        return insert.executeUpdate();
                    }
                });
    }

    /** Every assignment, with its book, in effective order; {@code account} null for all. */
    public List<ContractAssignment> assignments(String account, Map<String, PriceBook> books) {
        return jdbc(
                connection -> {
                    try (PreparedStatement select =
                            connection.prepareStatement(
                                    "SELECT account_id, effective_time, price_book_version FROM"
                                            + " contract_assignment WHERE (? IS NULL OR account_id"
                                            + " = ?) ORDER BY effective_time")) {
                        select.setString(1, account);
                        select.setString(2, account);
                        List<ContractAssignment> assignments = new ArrayList<>();
                        try (ResultSet rows = select.executeQuery()) {
                            while (rows.next()) {
                                Instant from = rows.getObject(2, OffsetDateTime.class).toInstant();
                                String version = rows.getString(3);
                                assignments.add(
                                        version == null
                                                ? ContractAssignment.remove(rows.getString(1), from)
                                                : ContractAssignment.assign(
                                                        rows.getString(1),
                                                        from,
                                                        books.get(version)));
                            }
                        }
                        return assignments;
                    }
                });
    }

    private static Map<String, BigDecimal> tierPrices(ItemPrice price) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        switch (price) {
            case ItemPrice.Tiered tiered ->
                    tiered.perMinute().forEach((tier, value) -> prices.put(tier.name(), value));
            case ItemPrice.Flat flat -> prices.put(UNTIERED, flat.perUnit());
        }
        return prices;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T jdbc(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("price book storage failed", e);
        }
    }
}
