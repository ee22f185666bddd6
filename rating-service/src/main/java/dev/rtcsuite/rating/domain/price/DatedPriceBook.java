package dev.rtcsuite.rating.domain.price;

import java.time.Instant;
import java.util.Objects;

/** A LIST price book and the instant from which it applies (until a later one does). */
public record DatedPriceBook(Instant effectiveFrom, PriceBook book) {

    public DatedPriceBook {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (book.kind() != PriceBookKind.LIST) {
            throw new IllegalArgumentException(
                    "only LIST books are effective-dated; assign " + book.version() + " instead");
        }
    }
}
