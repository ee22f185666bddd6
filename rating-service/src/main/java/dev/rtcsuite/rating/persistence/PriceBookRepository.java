package dev.rtcsuite.rating.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.rating.application.StoredPriceBook;
import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.price.ContractAssignment;
import dev.rtcsuite.rating.domain.price.ItemPrice;
import dev.rtcsuite.rating.domain.price.PriceBook;
import dev.rtcsuite.rating.domain.price.PriceBookKind;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
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

    private final Jdbc jdbc;

    public PriceBookRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the book unless its version exists; true when it was stored now. */
    public boolean insertIfAbsent(StoredPriceBook stored) {
        PriceBook book = stored.book();
        int inserted =
                jdbc.update(
                        "INSERT INTO price_book (version, kind, display_name, effective_time,"
                                + " created_time) VALUES (?, ?, ?, CAST(? AS timestamptz), ?) ON"
                                + " CONFLICT DO NOTHING",
                        book.version(),
                        book.kind().name(),
                        stored.displayName(),
                        stored.effectiveFrom().orElse(null),
                        stored.createdTime());
        if (inserted == 0) {
            return false;
        }
        List<Object[]> prices = new ArrayList<>();
        book.prices()
                .forEach(
                        (item, price) ->
                                tierPrices(price)
                                        .forEach(
                                                (tier, value) ->
                                                        prices.add(
                                                                new Object[] {
                                                                    book.version(),
                                                                    item.name(),
                                                                    tier,
                                                                    price.currency()
                                                                            .getCurrencyCode(),
                                                                    value
                                                                })));
        jdbc.batch(
                "INSERT INTO price_book_price (version, item, tier, currency, unit_price) VALUES"
                        + " (?, ?, ?, ?, ?)",
                prices);
        return true;
    }

    public Optional<StoredPriceBook> find(String version) {
        return all().stream().filter(b -> b.book().version().equals(version)).findFirst();
    }

    /** Every book, in version order. Books are few: they are read whole. */
    public List<StoredPriceBook> all() {
        record Head(PriceBook.Builder builder, String name, Instant effective, Instant created) {}
        Map<String, Head> heads = new LinkedHashMap<>();
        jdbc.query(
                "SELECT version, kind, display_name, effective_time, created_time FROM price_book"
                        + " ORDER BY version",
                row ->
                        heads.put(
                                row.getString(1),
                                new Head(
                                        PriceBook.builder(
                                                row.getString(1),
                                                PriceBookKind.valueOf(row.getString(2))),
                                        row.getString(3),
                                        Jdbc.instant(row, 4),
                                        Jdbc.instant(row, 5))));
        jdbc.query(
                "SELECT version, item, tier, currency, unit_price FROM price_book_price",
                row -> {
                    PriceBook.Builder builder = heads.get(row.getString(1)).builder();
                    BillableItem item = BillableItem.valueOf(row.getString(2));
                    String tier = row.getString(3);
                    Currency currency = Currency.getInstance(row.getString(4));
                    BigDecimal price = row.getBigDecimal(5).stripTrailingZeros();
                    return tier.equals(UNTIERED)
                            ? builder.perUnit(item, currency, price)
                            : builder.perMinute(
                                    item, ResolutionTier.valueOf(tier), currency, price);
                });
        return heads.values().stream()
                .map(
                        head ->
                                new StoredPriceBook(
                                        head.builder().build(),
                                        head.name(),
                                        Optional.ofNullable(head.effective()),
                                        head.created()))
                .toList();
    }

    public void insert(ContractAssignment assignment, Instant createdTime) {
        jdbc.update(
                "INSERT INTO contract_assignment (account_id, effective_time, price_book_version,"
                        + " created_time) VALUES (?, ?, CAST(? AS text), ?) ON CONFLICT"
                        + " (account_id, effective_time) DO NOTHING",
                assignment.accountId(),
                assignment.effectiveFrom(),
                assignment.book().map(PriceBook::version).orElse(null),
                createdTime);
    }

    /** The account's assignments in effective order. */
    public List<ContractAssignment> assignments(String account, Map<String, PriceBook> books) {
        return jdbc.query(
                "SELECT account_id, effective_time, price_book_version FROM contract_assignment"
                        + " WHERE account_id = ? ORDER BY effective_time",
                row -> {
                    String version = row.getString(3);
                    return version == null
                            ? ContractAssignment.remove(row.getString(1), Jdbc.instant(row, 2))
                            : ContractAssignment.assign(
                                    row.getString(1), Jdbc.instant(row, 2), books.get(version));
                },
                account);
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
}
