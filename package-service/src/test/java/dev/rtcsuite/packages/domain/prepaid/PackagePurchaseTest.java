package dev.rtcsuite.packages.domain.prepaid;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.ZONE;
import static dev.rtcsuite.packages.domain.PackageFixtures.assertRefused;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.money.Funds;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.money.PaymentBreakdown;
import dev.rtcsuite.packages.domain.standing.ServiceStanding;
import dev.rtcsuite.packages.domain.standing.StandingEvent;
import dev.rtcsuite.packages.domain.standing.StandingMachine;
import dev.rtcsuite.platform.error.ServiceException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC P-3: buying a general package. */
class PackagePurchaseTest {

    private final Instant now = at("2026-03-10T09:00:00");
    private final ServiceStanding buyer = ServiceStanding.opened(ACCOUNT);
    private final PackageForSale size25k =
            PackageForSale.general(GeneralPackagePricing.quote(FixedPackageSize.SIZE_25K));
    private final Funds funds =
            new Funds(Money.cny("500.00"), Money.cny("50.00"), Money.cny("20.00"));

    @Test
    void paysFromGiftThenIncomeTransferThenCashAndWaitsFiveMinutes() {
        PackagePurchase.Purchase purchase = buy(size25k, Money.cny("0"), funds);

        PrepaidPackage bought = purchase.prepaidPackage();
        assertThat(bought.kind()).isEqualTo(PackageKind.GENERAL);
        assertThat(bought.totalMinutes()).isEqualTo(25_000);
        assertThat(bought.terms().displayName()).isEqualTo("General package 25,000 minutes");
        assertThat(bought.terms().fixedSize()).contains(FixedPackageSize.SIZE_25K);
        assertThat(bought.terms().perMinutePrice()).contains(Money.cny("0.00672"));
        assertThat(bought.payment())
                .isEqualTo(
                        new PaymentBreakdown(
                                Money.cny("98.00"),
                                Money.cny("50.00"),
                                Money.cny("20.00"),
                                Money.cny("0")));
        assertThat(purchase.payment().after())
                .isEqualTo(new Funds(Money.cny("402.00"), Money.cny("0"), Money.cny("0")));
        assertThat(bought.state(now)).isEqualTo(PackageState.PENDING_ACTIVATION);
        assertThat(bought.activationTime()).isEqualTo(at("2026-03-10T09:05:00"));
        assertThat(bought.validity().lastDay()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void voucherCoversPartOfThePriceAndIsRecorded() {
        PackagePurchase.Purchase purchase = buy(size25k, Money.cny("18.00"), funds);

        assertThat(purchase.prepaidPackage().payment().voucher()).isEqualTo(Money.cny("18.00"));
        assertThat(purchase.prepaidPackage().payment().paidFromFunds())
                .isEqualTo(Money.cny("150.00"));
        assertThat(purchase.payment().net()).isEqualTo(Money.cny("-150.00"));
    }

    @Test
    void voucherAbovePriceIsInvalid() {
        assertRefused(
                () -> buy(size25k, Money.cny("168.01"), funds), ServiceException.VALIDATION_FAILED);
    }

    @Test
    void balanceBelowThePriceIsRefusedWithWhatIsMissing() {
        Funds poor = new Funds(Money.cny("100.00"), Money.cny("0"), Money.cny("0"));

        assertThatThrownBy(() -> buy(size25k, Money.cny("0"), poor))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(PackageErrors.INSUFFICIENT_BALANCE);
                            assertThat(e.metadata())
                                    .containsAllEntriesOf(
                                            Map.of(
                                                    "accountId", ACCOUNT.toString(),
                                                    "required", "168.00",
                                                    "available", "100.00",
                                                    "currencyCode", "CNY"));
                        });
    }

    @Test
    void violationSuspendedAccountsCannotBuy() {
        ServiceStanding suspended =
                StandingMachine.apply(buyer, new StandingEvent.ViolationFound(now, "spam")).after();

        assertRefused(
                () ->
                        PackagePurchase.buy(
                                suspended,
                                size25k,
                                Money.cny("0"),
                                funds,
                                now,
                                ZONE,
                                PackagePurchase.DEFAULT_ACTIVATION_DELAY),
                PackageErrors.ACCOUNT_SUSPENDED_FOR_VIOLATION);
    }

    private PackagePurchase.Purchase buy(PackageForSale item, Money voucher, Funds from) {
        return PackagePurchase.buy(
                buyer, item, voucher, from, now, ZONE, PackagePurchase.DEFAULT_ACTIVATION_DELAY);
    }
}
