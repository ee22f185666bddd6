package dev.rtcsuite.platform.grpc;

import com.google.type.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** BigDecimal amounts ↔ google.type.Money, exactly: Money holds 9 decimals, we keep at most 8. */
public final class ProtoMoney {

    private ProtoMoney() {}

    /** Refuses (ArithmeticException) an amount with more than 9 decimals rather than round it. */
    public static Money money(BigDecimal amount, Currency currency) {
        BigDecimal units = amount.setScale(0, RoundingMode.DOWN);
        return Money.newBuilder()
                .setCurrencyCode(currency.getCurrencyCode())
                .setUnits(units.longValueExact())
                .setNanos(amount.subtract(units).movePointRight(9).intValueExact())
                .build();
    }

    public static BigDecimal amount(Money money) {
        return BigDecimal.valueOf(money.getUnits())
                .add(BigDecimal.valueOf(money.getNanos(), 9))
                .stripTrailingZeros();
    }
}
