package dev.rtcsuite.rating.domain;

import dev.rtcsuite.rating.domain.accumulation.DayLedger;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import dev.rtcsuite.rating.domain.price.ListPrices;
import dev.rtcsuite.rating.domain.price.PriceSource;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Shared fixtures: one billing day in the default zone (Asia/Shanghai) and the SPEC list prices.
 */
public final class RatingFixtures {

    public static final BillingCalendar CALENDAR = BillingCalendar.DEFAULT;
    public static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private RatingFixtures() {}

    /** A time of {@link #DAY}, "HH:mm" or "HH:mm:ss", in the billing zone. */
    public static Instant at(String localTime) {
        return DAY.atTime(LocalTime.parse(localTime)).atZone(CALENDAR.zone()).toInstant();
    }

    public static TimeSpan span(String from, String to) {
        return TimeSpan.between(at(from), at(to));
    }

    /** The first {@code minutes} minutes of {@link #DAY}. */
    public static TimeSpan firstMinutes(long minutes) {
        return TimeSpan.ofSeconds(at("00:00"), minutes * 60);
    }

    /** {@link #DAY}'s bill of the usages, one usage record each, at list prices. */
    public static DailyBill billOf(List<? extends Usage> usages) {
        return billOf(usages, ListPrices.effective());
    }

    public static DailyBill billOf(List<? extends Usage> usages, PriceSource prices) {
        return ledgerOf(usages).bill(prices);
    }

    public static DayLedger ledgerOf(List<? extends Usage> usages) {
        DayLedger ledger = new DayLedger(CALENDAR, DAY);
        for (int i = 0; i < usages.size(); i++) {
            ledger.record("record-" + i, List.of(usages.get(i)));
        }
        return ledger;
    }

    public static Money cny(String amount) {
        return Money.of(amount, Money.CNY);
    }

    public static Money usd(String amount) {
        return Money.of(amount, Money.USD);
    }

    public static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
