package dev.rtcsuite.rating.application;

import dev.rtcsuite.rating.domain.estimate.CostEstimate;
import dev.rtcsuite.rating.domain.estimate.CostEstimator;
import dev.rtcsuite.rating.domain.estimate.Scenario;
import dev.rtcsuite.rating.domain.price.ContractAssignment;
import dev.rtcsuite.rating.domain.price.DatedPriceBook;
import dev.rtcsuite.rating.domain.price.PriceBook;
import dev.rtcsuite.rating.domain.price.PriceBookKind;
import dev.rtcsuite.rating.domain.price.PriceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * The price calculator (SPEC R-8): a scenario rated by the same raters and prices as real usage,
 * with the account's prices in force now, or with one named book.
 */
@ApplicationScoped
public class CostEstimates {

    private final PriceBooks priceBooks;
    private final Clock clock;

    public CostEstimates(PriceBooks priceBooks, Clock clock) {
        this.priceBooks = priceBooks;
        this.clock = clock;
    }

    /**
     * @param accountId whose contract prices apply; empty for list prices
     * @param priceBookVersion the book to price with; empty for the one in force now
     */
    public CostEstimate estimate(Scenario scenario, String accountId, String priceBookVersion) {
        Instant now = clock.instant();
        String account = accountId.isEmpty() ? "(estimate)" : accountId;
        PriceCatalog catalog = priceBooks.catalogFor(account);
        if (!priceBookVersion.isEmpty()) {
            PriceBook book = priceBooks.get(priceBookVersion).book();
            catalog =
                    book.kind() == PriceBookKind.LIST
                            ? PriceCatalog.of(new DatedPriceBook(Instant.EPOCH, book))
                            : catalog.withContract(
                                    ContractAssignment.assign(account, Instant.EPOCH, book));
        }
        return CostEstimator.estimate(scenario, now, catalog.forAccount(account));
    }
}
