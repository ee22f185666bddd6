package dev.rtcsuite.packages.domain.offer;

import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import java.util.Set;
import java.util.UUID;

/** What the eligibility rules need to know about a would-be buyer. */
public record OfferBuyer(
        boolean enterpriseVerified, boolean boughtAnyPackage, Set<UUID> offersBought) {

    public OfferBuyer {
        offersBought = Set.copyOf(offersBought);
    }

    public static OfferBuyer of(boolean enterpriseVerified, AccountPackages packages) {
        return new OfferBuyer(enterpriseVerified, packages.anyPurchased(), packages.offersBought());
    }
}
