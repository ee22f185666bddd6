package dev.rtcsuite.packages.domain.money;

import java.util.Objects;

/**
 * How a package price was paid (SPEC P-7): from cash, income transfer and gift, which a refund
 * returns each to its source, and by vouchers or discounts, which are never returned.
 */
public record PaymentBreakdown(Money cash, Money incomeTransfer, Money gift, Money voucher) {

    public PaymentBreakdown {
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(incomeTransfer, "incomeTransfer");
        Objects.requireNonNull(gift, "gift");
        Objects.requireNonNull(voucher, "voucher");
    }

    /** Nothing paid: free trial, gifts, conversions. */
    public static PaymentBreakdown free() {
        Money zero = Money.zero(Money.CNY);
        return new PaymentBreakdown(zero, zero, zero, zero);
    }

    /** What a payment debited from each fund, plus the voucher part. */
    public static PaymentBreakdown of(FundsChange payment, Money voucher) {
        return new PaymentBreakdown(
                payment.movedIn(FundType.CASH).negate(),
                payment.movedIn(FundType.INCOME_TRANSFER).negate(),
                payment.movedIn(FundType.GIFT).negate(),
                voucher);
    }

    public Money paidFrom(FundType fund) {
        return switch (fund) {
            case CASH -> cash;
            case INCOME_TRANSFER -> incomeTransfer;
            case GIFT -> gift;
        };
    }

    /** What came out of the account's funds: the refundable amount. */
    public Money paidFromFunds() {
        return cash.plus(incomeTransfer).plus(gift);
    }

    /** Price of the package: funds plus vouchers. */
    public Money price() {
        return paidFromFunds().plus(voucher);
    }

    /** What a refund returns: everything paid from funds, never the voucher part. */
    public PaymentBreakdown refundable() {
        return new PaymentBreakdown(cash, incomeTransfer, gift, Money.zero(voucher.currency()));
    }
}
