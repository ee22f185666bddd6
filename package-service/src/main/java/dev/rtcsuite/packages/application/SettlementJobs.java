package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.config.PackagesConfig;
import dev.rtcsuite.platform.jobs.DurableJobs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Arms the durable settlement job of one billing day of an account (SPEC P-5), due the next day
 * after the settlement delay, once per (account, day) whoever asks: the day's first deduction, the
 * switch to postpaid and, for a postpaid account, the settlement of the day before (so every day is
 * settled, also one with value-added usage only).
 *
 * <p>A day whose time has passed (days the service did not run, say, or an account whose chain
 * starts long ago) is due now rather than at its old time: the job queue runs the oldest due first,
 * so a backlog of days would otherwise run before every other job that is due, one day after the
 * other; due now, each next day of it waits its turn behind them.
 */
@ApplicationScoped
public class SettlementJobs {

    private final DurableJobs jobs;
    private final PackagesConfig config;
    private final Clock clock;

    public SettlementJobs(DurableJobs jobs, PackagesConfig config, Clock clock) {
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    /** Idempotent: a day whose job exists (in any state) keeps it. */
    public void arm(UUID accountId, ZoneId zone, LocalDate billingDay) {
        jobs.schedule(
                JobKinds.SETTLEMENT,
                JobKinds.dayKey(accountId, billingDay),
                JobKinds.NO_PAYLOAD,
                dueTime(zone, billingDay, config.settlementDelay(), clock.instant()));
    }

    /** The day's settlement time (the next day's start plus the delay), or now once it is past. */
    static Instant dueTime(ZoneId zone, LocalDate billingDay, Duration delay, Instant now) {
        Instant settlementTime = billingDay.plusDays(1).atStartOfDay(zone).toInstant().plus(delay);
        return settlementTime.isBefore(now) ? now : settlementTime;
    }
}
