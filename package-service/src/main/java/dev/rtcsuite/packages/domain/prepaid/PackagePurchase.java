package dev.rtcsuite.packages.domain.prepaid;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.money.Funds;
import dev.rtcsuite.packages.domain.money.FundsChange;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.money.PaymentBreakdown;
import dev.rtcsuite.packages.domain.standing.ServiceStanding;
import dev.rtcsuite.platform.error.ServiceException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Buying a package (SPEC P-3): vouchers cover part of the price, the CNY funds pay the rest (gift,
 * then income transfer, then cash, never overdrawn), and the package activates after a delay.
 */
public final class PackagePurchase {

    public static final Duration DEFAULT_ACTIVATION_DELAY = Duration.ofMinutes(5);

    private PackagePurchase() {}

    /** The new package (pending activation) and the payment out of the CNY funds. */
    public record Purchase(PrepaidPackage prepaidPackage, FundsChange payment) {}

    public static Purchase buy(
            ServiceStanding buyer,
            PackageForSale item,
            Money voucher,
            Funds cny,
            Instant now,
            ZoneId billingZone,
            Duration activationDelay) {
        buyer.requireOpenForPurchases();
        Money price = item.terms().price();
        if (!voucher.currency().equals(Money.CNY)
                || voucher.isNegative()
                || voucher.compareTo(price) > 0
                || !voucher.hasAtMostCents()) {
            throw ServiceException.invalid(
                    "voucher_amount",
                    "must be 0–"
                            + price.plainAmount()
                            + " CNY with at most 2 decimals, was "
                            + voucher);
        }
        Money toPay = price.minus(voucher);
        if (!cny.canPay(toPay)) {
            throw PackageErrors.insufficientBalance(
                    buyer.accountId(),
                    toPay.plainAmount(),
                    cny.total().plainAmount(),
                    Money.CNY.getCurrencyCode());
        }
        FundsChange payment = cny.pay(toPay);
        PrepaidPackage bought =
                PrepaidPackage.purchased(
                        buyer.accountId(),
                        item.terms(),
                        PaymentBreakdown.of(payment, voucher),
                        now,
                        activationDelay,
                        Validity.months(now, billingZone, item.validityMonths()));
        return new Purchase(bought, payment);
    }
}
