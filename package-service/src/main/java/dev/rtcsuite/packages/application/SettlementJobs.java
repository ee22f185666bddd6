package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.config.PackagesConfig;
import dev.rtcsuite.platform.jobs.DurableJobs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Arms the durable settlement job of one billing day of an account (SPEC P-5), due the next day
 * after the settlement delay, once per (account, day) whoever asks: the day's first deduction, the
 * switch to postpaid and, for a postpaid account, the settlement of the day before (so every day is
 * settled, also one with value-added usage only).
 */
@ApplicationScoped
public class SettlementJobs {

    private final DurableJobs jobs;
    private final PackagesConfig config;

    public SettlementJobs(DurableJobs jobs, PackagesConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    /** Idempotent: a day whose job exists (in any state) keeps it. */
    public void arm(UUID accountId, ZoneId zone, LocalDate billingDay) {
        jobs.schedule(
                JobKinds.SETTLEMENT,
                JobKinds.dayKey(accountId, billingDay),
                JobKinds.NO_PAYLOAD,
                dueTime(zone, billingDay));
    }

    Instant dueTime(ZoneId zone, LocalDate billingDay) {
        return billingDay.plusDays(1).atStartOfDay(zone).toInstant().plus(config.settlementDelay());
    }
}
