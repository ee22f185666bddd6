package dev.rtcsuite.rating.application;

import dev.rtcsuite.rating.client.AccountDirectory.AppAccount;
import dev.rtcsuite.rating.domain.accumulation.IntervalUsage;
import dev.rtcsuite.rating.domain.bill.DailyBill;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One billing day of an app or an account, rated from the stored usage facts.
 *
 * @param sdkAppId 0 for an account's day
 * @param closed true once the day is over and late usage is no longer expected
 * @param intervals the R-2 rows of an app's day; empty for an account's day
 */
public record RatedDay(
        String accountId,
        long sdkAppId,
        LocalDate billingDay,
        ZoneId billingZone,
        boolean closed,
        DailyBill bill,
        List<IntervalUsage> intervals,
        Instant computedAt) {

    static RatedDay ofApp(
            AppAccount app,
            LocalDate day,
            boolean closed,
            DailyBill bill,
            List<IntervalUsage> intervals,
            Instant now) {
        return new RatedDay(
                app.accountId(),
                app.sdkAppId(),
                day,
                app.billingZone(),
                closed,
                bill,
                intervals,
                now);
    }
}
