package dev.rtcsuite.packages.domain.prepaid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** All packages of one account, and the questions the rules ask about them as a whole. */
public record AccountPackages(List<PrepaidPackage> all) {

    public AccountPackages {
        all = List.copyOf(all);
    }

    /** Those that may take usage of {@code billingDay} now, first to deduct first (SPEC P-3). */
    public List<PrepaidPackage> deductingFor(LocalDate billingDay, Instant now) {
        return all.stream()
                .filter(p -> p.deductsFor(billingDay, now))
                .sorted(PrepaidPackage.BURN_DOWN_ORDER)
                .toList();
    }

    /**
     * Whether any package deducts now or will once activated: if none does, the account has run out
     * of packages (SPEC P-2, P-3).
     */
    public boolean anyUsableOrPending(Instant now) {
        return all.stream().anyMatch(p -> p.isUsableOrPending(now));
    }

    /**
     * Whether the account ever bought a package (general or offer, refunded or not). Such an
     * account gets postpaid switched on once its packages run out; it is no longer a new account
     * for offers.
     */
    public boolean anyPurchased() {
        return all.stream().anyMatch(p -> p.kind().isPurchase());
    }

    /** The offers the account bought under, refunded or not. */
    public Set<UUID> offersBought() {
        return all.stream()
                .flatMap(p -> p.terms().offerId().stream())
                .collect(Collectors.toUnmodifiableSet());
    }
}
