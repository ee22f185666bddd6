package dev.rtcsuite.rating.domain.price;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Every LIST book with its effective time and every contract assignment: selects the books in force
 * for an account at an instant (SPEC R-1). The LIST book with the latest effective time ≤ t applies
 * at t; so does the account's latest contract assignment ≤ t, unless it removed the contract.
 */
public record PriceCatalog(List<DatedPriceBook> listBooks, List<ContractAssignment> contracts) {

    public PriceCatalog {
        listBooks =
                listBooks.stream()
                        .sorted(Comparator.comparing(DatedPriceBook::effectiveFrom))
                        .toList();
        contracts =
                contracts.stream()
                        .sorted(Comparator.comparing(ContractAssignment::effectiveFrom))
                        .toList();
        if (listBooks.isEmpty()) {
            throw new IllegalArgumentException("a price catalog needs a LIST price book");
        }
        var effectiveTimes = new HashSet<Instant>();
        for (DatedPriceBook dated : listBooks) {
            if (!effectiveTimes.add(dated.effectiveFrom())) {
                throw new IllegalArgumentException(
                        "two LIST books take effect at " + dated.effectiveFrom());
            }
        }
        var assignmentTimes = new HashSet<String>();
        for (ContractAssignment assignment : contracts) {
            if (!assignmentTimes.add(assignment.accountId() + "@" + assignment.effectiveFrom())) {
                throw new IllegalArgumentException(
                        "two contract assignments of account "
                                + assignment.accountId()
                                + " take effect at "
                                + assignment.effectiveFrom());
            }
        }
    }

    public static PriceCatalog of(DatedPriceBook... listBooks) {
        return new PriceCatalog(List.of(listBooks), List.of());
    }

    public PriceCatalog withContract(ContractAssignment assignment) {
        var all = new ArrayList<>(contracts);
        all.add(assignment);
        return new PriceCatalog(listBooks, all);
    }

    /** The books in force for an account at an instant. */
    public EffectivePrices inForce(String accountId, Instant instant) {
        PriceBook list =
                listBooks.reversed().stream()
                        .filter(dated -> !dated.effectiveFrom().isAfter(instant))
                        .findFirst()
                        .map(DatedPriceBook::book)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "no LIST price book is in force at " + instant));
        Optional<PriceBook> contract =
                contracts.reversed().stream()
                        .filter(a -> a.accountId().equals(accountId))
                        .filter(a -> !a.effectiveFrom().isAfter(instant))
                        .findFirst()
                        .flatMap(ContractAssignment::book);
        return new EffectivePrices(list, contract);
    }

    /** The account's prices as they change over time. */
    public PriceSource forAccount(String accountId) {
        return instant -> inForce(accountId, instant);
    }
}
