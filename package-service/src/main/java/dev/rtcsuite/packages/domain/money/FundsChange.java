package dev.rtcsuite.packages.domain.money;

import java.util.List;

/** The funds of one currency after an operation, and the non-zero movements that led there. */
public record FundsChange(Funds after, List<FundMovement> movements) {

    public FundsChange {
        movements = List.copyOf(movements);
    }

    /** The signed sum of the movements. */
    public Money net() {
        return movements.stream()
                .map(FundMovement::amount)
                .reduce(Money.zero(after.currency()), Money::plus);
    }

    /** The amount moved in one fund, zero if untouched. */
    public Money movedIn(FundType fund) {
        return movements.stream()
                .filter(movement -> movement.fund() == fund)
                .map(FundMovement::amount)
                .reduce(Money.zero(after.currency()), Money::plus);
    }
}
