package dev.rtcsuite.rating.domain.price;

import dev.rtcsuite.rating.domain.Money;
import java.util.Objects;

/**
 * A unit price and where it came from: every rated line records the price book version and whether
 * a contract priced it (SPEC R-1).
 */
public record PriceQuote(Money unitPrice, String priceBookVersion, boolean contract) {

    public PriceQuote {
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(priceBookVersion, "priceBookVersion");
    }
}
