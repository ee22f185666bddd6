package dev.rtcsuite.packages.application;

import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An account's timers (SPEC P-5, P-6), each run once by the platform's job runner: the settlement
 * of each billing day (every day once postpaid), the end of the arrears grace and the reclaim.
 */
public final class AccountTimers {

    private AccountTimers() {}

    /**
     * Settles a billing day: armed by the day's first deduction and, for a postpaid account, by the
     * switch to postpaid and then by each day's run for the next day, so that a day with only
     * value-added usage (billed by rating-service, never deducted here) is settled too.
     */
    @ApplicationScoped
    public static class Settlement implements JobHandler {

        private final Settlements settlements;
        private final SettlementJobs settlementJobs;
        private final AccountBooks books;

        public Settlement(
                Settlements settlements, SettlementJobs settlementJobs, AccountBooks books) {
            this.settlements = settlements;
            this.settlementJobs = settlementJobs;
            this.books = books;
        }

        @Override
        public String kind() {
            return JobKinds.SETTLEMENT;
        }

        @Override
        public void run(Job job) {
            UUID accountId = JobKinds.accountOf(job.key());
            LocalDate day = LocalDate.parse(JobKinds.afterSlash(job.key()));
            AccountBook book = books.read(accountId);
            if (book.standing().isReclaimed()) {
                return;
            }
            if (book.standing().postpaidEnabled()) {
                // Armed in this transaction: a failed run is retried before the next day runs.
                settlementJobs.arm(accountId, book.zone(), day.plusDays(1));
            }
            settlements.settleIfCharged(accountId, day);
        }
    }

    /** Suspends an account whose arrears outlast the 24-hour grace. */
    @ApplicationScoped
    public static class GraceEnd implements JobHandler {

        private final AccountActions actions;

        public GraceEnd(AccountActions actions) {
            this.actions = actions;
        }

        @Override
        public String kind() {
            return JobKinds.GRACE_END;
        }

        @Override
        public void run(Job job) {
            actions.endGrace(JobKinds.accountOf(job.key()), job.dueTime());
        }
    }

    /** Reclaims an account still suspended for arrears 60 days on. */
    @ApplicationScoped
    public static class Reclaim implements JobHandler {

        private final AccountActions actions;

        public Reclaim(AccountActions actions) {
            this.actions = actions;
        }

        @Override
        public String kind() {
            return JobKinds.RECLAIM;
        }

        @Override
        public void run(Job job) {
            actions.reclaimIfDue(JobKinds.accountOf(job.key()), job.dueTime());
        }
    }
}
