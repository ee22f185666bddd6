package dev.rtcsuite.rating.application;

import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.rating.domain.estimate.CostEstimate;
import dev.rtcsuite.rating.domain.estimate.CostEstimator;
import dev.rtcsuite.rating.domain.estimate.Scenario;
import dev.rtcsuite.rating.domain.price.ListPrices;
import dev.rtcsuite.rating.domain.price.PriceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;

/**
 * The price calculator (SPEC R-8): a scenario rated by the same raters and prices as real usage.
 * Until price books can be created and contracts assigned (issue #3), the list book of SPEC R-1 is
 * the only book, and so it is every account's price.
 */
@ApplicationScoped
public class CostEstimates {

    public static final String PRICE_BOOK_NOT_FOUND = "PRICE_BOOK_NOT_FOUND";

    private final Clock clock;
    private final PriceCatalog catalog = PriceCatalog.of(ListPrices.dated());

    public CostEstimates(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param accountId whose contract prices apply; empty for list prices
     * @param priceBookVersion the book to price with; empty for the one in force now
     */
    public CostEstimate estimate(Scenario scenario, String accountId, String priceBookVersion) {
        if (!priceBookVersion.isEmpty() && !priceBookVersion.equals(ListPrices.VERSION)) {
            throw ServiceException.notFound(
                    PRICE_BOOK_NOT_FOUND,
                    "No price book " + priceBookVersion + ".",
                    Map.of("version", priceBookVersion));
        }
        return CostEstimator.estimate(scenario, clock.instant(), catalog.forAccount(accountId));
    }
}
