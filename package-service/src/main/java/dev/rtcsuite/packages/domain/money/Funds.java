package dev.rtcsuite.packages.domain.money;

import dev.rtcsuite.platform.error.ServiceException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An account's money in one currency (SPEC P-5): cash, income transfer and gift. Only cash may go
 * negative, and only through {@link #charge postpaid charges}; purchases never overdraw.
 */
public record Funds(Money cash, Money incomeTransfer, Money gift) {

    public Funds {
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(incomeTransfer, "incomeTransfer");
        Objects.requireNonNull(gift, "gift");
        if (!cash.currency().equals(incomeTransfer.currency())
                || !cash.currency().equals(gift.currency())) {
            throw new IllegalArgumentException("All funds must be of one currency");
        }
        if (incomeTransfer.isNegative() || gift.isNegative()) {
            throw new IllegalArgumentException("Only cash may be negative");
        }
    }

    public static Funds empty(Currency currency) {
        Money zero = Money.zero(currency);
        return new Funds(zero, zero, zero);
    }

    public Currency currency() {
        return cash.currency();
    }

    public Money total() {
        return cash.plus(incomeTransfer).plus(gift);
    }

    public Money of(FundType fund) {
        return switch (fund) {
            case CASH -> cash;
            case INCOME_TRANSFER -> incomeTransfer;
            case GIFT -> gift;
        };
    }

    /**
     * A top-up (SPEC P-5): more than zero, in cents, into the chosen fund. Idempotency by request
     * id is the caller's.
     */
    public FundsChange topUp(FundType fund, Money amount) {
        if (!amount.isPositive() || !amount.hasAtMostCents()) {
            throw ServiceException.invalid(
                    "amount", "must be more than 0 with at most 2 decimals, was " + amount);
        }
        return credit(fund, amount);
    }

    /** Any credit of one fund. */
    public FundsChange credit(FundType fund, Money amount) {
        requirePositiveOrZero(amount);
        return apply(Map.of(fund, amount));
    }

    /**
     * A postpaid charge: gift, then income transfer, then cash, which takes whatever is left and
     * may go negative.
     */
    public FundsChange charge(Money amount) {
        requirePositiveOrZero(amount);
        return apply(debitsInOrder(amount));
    }

    /** Whether {@link #pay} would succeed: a payment never overdraws. */
    public boolean canPay(Money amount) {
        return total().compareTo(amount) >= 0;
    }

    /**
     * A payment (package purchase) in the charge order; the caller checks {@link #canPay} first, so
     * paying more than the total is a programming error.
     */
    public FundsChange pay(Money amount) {
        if (!canPay(amount)) {
            throw new IllegalStateException("Cannot pay " + amount + " from " + total());
        }
        return charge(amount);
    }

    /** Returns a refund to the funds it was paid from (SPEC P-7). */
    public FundsChange creditBack(PaymentBreakdown paid) {
        Map<FundType, Money> credits = new EnumMap<>(FundType.class);
        for (FundType fund : FundType.values()) {
            credits.put(fund, paid.paidFrom(fund));
        }
        return apply(credits);
    }

    private Map<FundType, Money> debitsInOrder(Money amount) {
        Map<FundType, Money> debits = new EnumMap<>(FundType.class);
        Money left = amount;
        for (FundType fund : FundType.values()) {
            Money taken = fund == FundType.CASH ? left : left.min(of(fund));
            debits.put(fund, taken.negate());
            left = left.minus(taken);
        }
        return debits;
    }

    private FundsChange apply(Map<FundType, Money> signedAmounts) {
        Funds after = this;
        List<FundMovement> movements = new ArrayList<>();
        for (FundType fund : FundType.values()) {
            Money amount = signedAmounts.getOrDefault(fund, Money.zero(currency()));
            if (amount.isZero()) {
                continue;
            }
            after = after.with(fund, after.of(fund).plus(amount));
            movements.add(new FundMovement(fund, amount, after.of(fund)));
        }
        return new FundsChange(after, movements);
    }

    private Funds with(FundType fund, Money value) {
        return switch (fund) {
            case CASH -> new Funds(value, incomeTransfer, gift);
            case INCOME_TRANSFER -> new Funds(cash, value, gift);
            case GIFT -> new Funds(cash, incomeTransfer, value);
        };
    }

    private void requirePositiveOrZero(Money amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Amount must not be negative: " + amount);
        }
        if (!amount.currency().equals(currency())) {
            throw new IllegalArgumentException(
                    "Amount " + amount + " is not in " + currency().getCurrencyCode());
        }
    }
}
