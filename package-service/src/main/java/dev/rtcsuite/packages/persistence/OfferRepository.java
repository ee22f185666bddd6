package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.offer.Offer;
import dev.rtcsuite.packages.domain.offer.OfferEligibilityRule;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Operators' offers (SPEC P-3). */
@ApplicationScoped
public class OfferRepository {

    private static final String COLUMNS =
            "offer_id, display_name, minutes, price, validity_months, eligibility_rules,"
                    + " sales_start_time, sales_end_time, refundable, create_time";

    private final Jdbc jdbc;

    public OfferRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Offer offer) {
        jdbc.update(
                "INSERT INTO offer (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                offer.offerId(),
                offer.displayName(),
                offer.minutes(),
                offer.price().amount(),
                offer.validityMonths(),
                offer.eligibilityRules().stream().map(Enum::name).sorted().toArray(String[]::new),
                offer.salesStartTime(),
                offer.salesEndTime().orElse(null),
                offer.refundable(),
                offer.createTime());
    }

    public Optional<Offer> find(UUID offerId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM offer WHERE offer_id = ?",
                        OfferRepository::map,
                        offerId)
                .stream()
                .findFirst();
    }

    /** Every offer, newest sales start first. */
    public List<Offer> all() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM offer ORDER BY sales_start_time DESC, offer_id",
                OfferRepository::map);
    }

    private static Offer map(ResultSet row) throws SQLException {
        Array rules = row.getArray(6);
        return new Offer(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getLong(3),
                Money.of(row.getBigDecimal(4), Money.CNY),
                row.getInt(5),
                Arrays.stream((String[]) rules.getArray())
                        .map(OfferEligibilityRule::valueOf)
                        .collect(Collectors.toSet()),
                Jdbc.instant(row, 7),
                Optional.ofNullable(Jdbc.instant(row, 8)),
                row.getBoolean(9),
                Jdbc.instant(row, 10));
    }
}
