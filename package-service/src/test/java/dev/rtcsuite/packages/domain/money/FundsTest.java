package dev.rtcsuite.packages.domain.money;

import static dev.rtcsuite.packages.domain.PackageFixtures.assertRefused;
import static dev.rtcsuite.platform.error.ServiceException.VALIDATION_FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC P-5, P-7: three funds per currency, debited gift → income transfer → cash. */
class FundsTest {

    private final Funds funds =
            new Funds(Money.cny("100.00"), Money.cny("30.00"), Money.cny("20.00"));

    @Test
    void chargeTakesGiftThenIncomeTransferThenCash() {
        FundsChange change = funds.charge(Money.cny("60.00"));

        assertThat(change.after())
                .isEqualTo(new Funds(Money.cny("90.00"), Money.cny("0.00"), Money.cny("0.00")));
        assertThat(change.movements())
                .containsExactly(
                        new FundMovement(FundType.GIFT, Money.cny("-20.00"), Money.cny("0.00")),
                        new FundMovement(
                                FundType.INCOME_TRANSFER, Money.cny("-30.00"), Money.cny("0.00")),
                        new FundMovement(FundType.CASH, Money.cny("-10.00"), Money.cny("90.00")));
        assertThat(change.net()).isEqualTo(Money.cny("-60.00"));
    }

    @Test
    void onlyCashGoesNegativeWhenChargesExceedTheTotal() {
        FundsChange change = funds.charge(Money.cny("200.00"));

        assertThat(change.after())
                .isEqualTo(new Funds(Money.cny("-50.00"), Money.cny("0.00"), Money.cny("0.00")));
        assertThat(change.after().total()).isEqualTo(Money.cny("-50.00"));
    }

    @Test
    void chargeSmallerThanTheGiftTouchesOnlyTheGift() {
        FundsChange change = funds.charge(Money.cny("5.00"));

        assertThat(change.movements())
                .containsExactly(
                        new FundMovement(FundType.GIFT, Money.cny("-5.00"), Money.cny("15.00")));
    }

    @Test
    void aZeroChargeMovesNothing() {
        assertThat(funds.charge(Money.cny("0")).movements()).isEmpty();
    }

    @Test
    void paymentNeverOverdraws() {
        assertThat(funds.canPay(Money.cny("150.00"))).isTrue();
        assertThat(funds.canPay(Money.cny("150.01"))).isFalse();
        assertThatThrownBy(() -> funds.pay(Money.cny("150.01")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void topUpMustBePositiveCents() {
        assertRefused(() -> funds.topUp(FundType.CASH, Money.cny("0")), VALIDATION_FAILED);
        assertRefused(() -> funds.topUp(FundType.CASH, Money.cny("1.001")), VALIDATION_FAILED);
    }

    @Test
    void topUpCreditsTheChosenFund() {
        FundsChange change = funds.topUp(FundType.INCOME_TRANSFER, Money.cny("12.34"));

        assertThat(change.after().incomeTransfer()).isEqualTo(Money.cny("42.34"));
        assertThat(change.movements())
                .containsExactly(
                        new FundMovement(
                                FundType.INCOME_TRANSFER, Money.cny("12.34"), Money.cny("42.34")));
    }

    @Test
    void creditBackReturnsEachPartToItsSourceButNotTheVoucher() {
        PaymentBreakdown paid =
                new PaymentBreakdown(
                        Money.cny("100.00"),
                        Money.cny("50.00"),
                        Money.cny("18.00"),
                        Money.cny("10.00"));

        FundsChange change = Funds.empty(Money.CNY).creditBack(paid.refundable());

        assertThat(change.after())
                .isEqualTo(new Funds(Money.cny("100.00"), Money.cny("50.00"), Money.cny("18.00")));
        assertThat(change.net()).isEqualTo(Money.cny("168.00"));
    }

    @Test
    void balancesKeepCnyAlwaysAndDetectDebtInAnyCurrency() {
        Currency usd = Currency.getInstance("USD");
        Balances balances =
                Balances.empty().with(Funds.empty(usd).charge(Money.of("0.01", usd)).after());

        assertThat(balances.inDisplayOrder())
                .extracting(Funds::currency)
                .isEqualTo(List.of(Money.CNY, usd));
        assertThat(balances.anyNegative()).isTrue();
        assertThat(new Balances(Map.of()).anyNegative()).isFalse();
    }
}
