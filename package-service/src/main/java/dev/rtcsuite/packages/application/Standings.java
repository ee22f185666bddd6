package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.Account;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import dev.rtcsuite.packages.domain.standing.AccountNotice;
import dev.rtcsuite.packages.domain.standing.Arrears;
import dev.rtcsuite.packages.domain.standing.ServiceStanding;
import dev.rtcsuite.packages.domain.standing.StandingChange;
import dev.rtcsuite.packages.domain.standing.StandingEvent;
import dev.rtcsuite.packages.domain.standing.StandingMachine;
import dev.rtcsuite.packages.persistence.AccountRepository;
import dev.rtcsuite.packages.persistence.MoneyRepository;
import dev.rtcsuite.packages.persistence.NoticeRepository;
import dev.rtcsuite.packages.persistence.PackageRepository;
import dev.rtcsuite.packages.persistence.StandingRepository;
import dev.rtcsuite.platform.jobs.DurableJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * Applies standing events to a locked account (SPEC P-2, P-5, P-6): stores the new standing and the
 * derived account status, the notices and the status history, arms the grace-end and reclaim
 * timers, and publishes the change once it commits.
 */
@ApplicationScoped
public class Standings {

    private final StandingRepository standings;
    private final AccountRepository accounts;
    private final NoticeRepository notices;
    private final MoneyRepository money;
    private final PackageRepository packages;
    private final DurableJobs jobs;
    private final SettlementJobs settlementJobs;
    private final Event<StatusChanged> published;

    public Standings(
            StandingRepository standings,
            AccountRepository accounts,
            NoticeRepository notices,
            MoneyRepository money,
            PackageRepository packages,
            DurableJobs jobs,
            SettlementJobs settlementJobs,
            Event<StatusChanged> published) {
        this.standings = standings;
        this.accounts = accounts;
        this.notices = notices;
        this.money = money;
        this.packages = packages;
        this.jobs = jobs;
        this.settlementJobs = settlementJobs;
        this.published = published;
    }

    /** Applies {@code event} to the locked {@code book}; returns the book after it. */
    public AccountBook apply(AccountBook book, StandingEvent event, String cause) {
        StandingChange change = StandingMachine.apply(book.standing(), event);
        if (!change.changed() && change.notices().isEmpty()) {
            return book;
        }
        ServiceStanding after = change.after();
        standings.save(after);
        Account account = book.account();
        Account updated =
                new Account(
                        account.accountId(),
                        account.displayName(),
                        account.billingTimeZone(),
                        account.trialExhaustionPolicy(),
                        after.status(),
                        after.reason(),
                        account.createdTime(),
                        change.before().status() != after.status()
                                        || change.before().reason() != after.reason()
                                ? event.at()
                                : account.updatedTime());
        if (!updated.equals(account)) {
            accounts.updateStatus(updated);
            standings.recordChange(
                    account.accountId(),
                    after.status().name(),
                    after.reason().name(),
                    cause,
                    event.at());
            published.fire(new StatusChanged(account.accountId(), OptionalLong.empty()));
        }
        Money cny = money.balances(account.accountId()).of(Money.CNY).total();
        for (AccountNotice notice : change.notices()) {
            notices.insert(account.accountId(), notice, cny);
        }
        armTimers(book, change, event.at());
        return book.with(after, updated);
    }

    /**
     * When no package deducts or waits for activation any more (SPEC P-2, P-3): postpaid for
     * accounts that bought a package (or chose CONTINUE), a stop under the trial's STOP policy.
     */
    public AccountBook checkRunOut(AccountBook book, Instant now) {
        ServiceStanding standing = book.standing();
        if (standing.postpaidEnabled() || standing.stoppedForTrial() || standing.isReclaimed()) {
            return book;
        }
        AccountPackages all = new AccountPackages(packages.ofAccount(book.accountId()));
        if (all.all().isEmpty() || all.anyUsableOrPending(now)) {
            return book;
        }
        return apply(
                book,
                new StandingEvent.PackagesRanOut(
                        now, book.account().trialExhaustionPolicy(), all.anyPurchased()),
                "packages ran out");
    }

    private void armTimers(AccountBook book, StandingChange change, Instant at) {
        ServiceStanding before = change.before();
        ServiceStanding after = change.after();
        if (after.postpaidEnabled() && !before.postpaidEnabled()) {
            // From now on every billing day is settled, starting with today (SPEC P-5).
            settlementJobs.arm(
                    after.accountId(), book.zone(), LocalDate.ofInstant(at, book.zone()));
        }
        after.arrears()
                .filter(arrears -> before.arrears().isEmpty())
                .ifPresent(
                        arrears ->
                                jobs.schedule(
                                        JobKinds.GRACE_END,
                                        JobKinds.arrearsKey(after.accountId(), arrears.since()),
                                        JobKinds.NO_PAYLOAD,
                                        arrears.graceEndTime()));
        after.arrears()
                .filter(Arrears::suspended)
                .filter(arrears -> before.arrears().filter(Arrears::suspended).isEmpty())
                .ifPresent(
                        arrears ->
                                jobs.schedule(
                                        JobKinds.RECLAIM,
                                        JobKinds.arrearsKey(after.accountId(), arrears.since()),
                                        JobKinds.NO_PAYLOAD,
                                        arrears.reclaimDueTime().orElseThrow()));
    }
}
