package dev.rtcsuite.rating.domain.price;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A CONTRACT book assigned to an account from an instant on (until its next assignment); an empty
 * book removes the contract (list prices only).
 */
public record ContractAssignment(
        String accountId, Instant effectiveFrom, Optional<PriceBook> book) {

    public ContractAssignment {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("a contract assignment needs an account");
        }
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(book, "book");
        book.ifPresent(
                b -> {
                    if (b.kind() != PriceBookKind.CONTRACT) {
                        throw new IllegalArgumentException(
                                "only CONTRACT books are assigned to accounts, not " + b.version());
                    }
                });
    }

    public static ContractAssignment assign(String accountId, Instant from, PriceBook book) {
        return new ContractAssignment(accountId, from, Optional.of(book));
    }

    public static ContractAssignment remove(String accountId, Instant from) {
        return new ContractAssignment(accountId, from, Optional.empty());
    }
}
