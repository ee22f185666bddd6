package dev.rtcsuite.rating.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Explicit re-rates of closed days, append-only; the latest of an (app, day) applies. */
@ApplicationScoped
public class RerateRepository {

    private final Jdbc jdbc;

    public RerateRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param version the book for the whole day; empty for the books in force
     */
    public void insert(long sdkAppId, LocalDate day, Optional<String> version, Instant now) {
        jdbc.update(
                "INSERT INTO day_rerate (sdk_app_id, billing_day, price_book_version,"
                        + " rerated_time) VALUES (?, ?, CAST(? AS text), ?)",
                sdkAppId,
                day,
                version.orElse(null),
                now);
    }

    /** The latest re-rate of the day: empty when there is none; else the book it named, if any. */
    public Optional<Optional<String>> latest(long sdkAppId, LocalDate day) {
        return jdbc
                .query(
                        "SELECT price_book_version FROM day_rerate WHERE sdk_app_id = ? AND"
                                + " billing_day = ? ORDER BY seq DESC LIMIT 1",
                        row -> Optional.ofNullable(row.getString(1)),
                        sdkAppId,
                        day)
                .stream()
                .findFirst();
    }
}
