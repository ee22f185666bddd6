package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.refund.Refund;
import dev.rtcsuite.packages.domain.refund.RefundDesk;
import dev.rtcsuite.packages.domain.refund.RefundRules;
import dev.rtcsuite.packages.domain.refund.RefundState;
import dev.rtcsuite.packages.domain.standing.StandingEvent;
import dev.rtcsuite.packages.persistence.MoneyRepository;
import dev.rtcsuite.packages.persistence.MoneyRepository.EntryContext;
import dev.rtcsuite.packages.persistence.MoneyRepository.EntryKind;
import dev.rtcsuite.packages.persistence.PackageRepository;
import dev.rtcsuite.packages.persistence.RefundRepository;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The no-reason refund (SPEC P-7): a request holds the package back from deducting at once; an
 * operator approves (money back to each fund it came from, the package over) or rejects it (the
 * package deducts again).
 */
@ApplicationScoped
@Transactional
public class Refunds {

    public static final String REFUND_NOT_FOUND = "REFUND_NOT_FOUND";
    static final String SYSTEM_REVIEWER = "rtcsuite";

    private final AccountBooks books;
    private final Standings standings;
    private final PackageRepository packages;
    private final RefundRepository refunds;
    private final MoneyRepository money;
    private final DurableJobs jobs;
    private final Clock clock;

    public Refunds(
            AccountBooks books,
            Standings standings,
            PackageRepository packages,
            RefundRepository refunds,
            MoneyRepository money,
            DurableJobs jobs,
            Clock clock) {
        this.books = books;
        this.standings = standings;
        this.packages = packages;
        this.refunds = refunds;
        this.money = money;
        this.jobs = jobs;
        this.clock = clock;
    }

    public Refund request(String packageId, String reason) {
        UUID id = AccountBooks.parse(packageId, "package_id");
        PrepaidPackage unlocked =
                packages.find(id).orElseThrow(() -> Purchases.packageNotFound(id));
        AccountBook book = books.lock(unlocked.accountId());
        PrepaidPackage candidate = packages.lock(id).orElseThrow();
        Instant now = clock.instant();
        RefundDesk.Requested requested =
                RefundDesk.request(candidate, book.standing(), reason, now, book.zone());
        refunds.insert(requested.refund());
        packages.update(requested.heldPackage(), now);
        return requested.refund();
    }

    public Refund approve(String refundId, String reviewer) {
        Refund refund = find(refundId);
        AccountBook book = books.lock(refund.accountId());
        PrepaidPackage held = packages.lock(refund.packageId()).orElseThrow();
        Instant now = clock.instant();
        RefundDesk.Approved approved =
                RefundDesk.approve(
                        refunds.find(refund.refundId()).orElseThrow(),
                        held,
                        book.standing(),
                        money.balances(book.accountId()).of(Money.CNY),
                        reviewer,
                        now);
        refunds.update(approved.refund());
        packages.update(approved.refundedPackage(), now);
        money.apply(
                book.accountId(),
                approved.credit(),
                EntryContext.of(EntryKind.PACKAGE_REFUND)
                        .withPackage(held.packageId())
                        .withRefund(refund.refundId()),
                now);
        standings.apply(
                book,
                new StandingEvent.FundsAdded(now, money.balances(book.accountId())),
                "refund approved");
        return approved.refund();
    }

    public Refund reject(String refundId, String reviewer, String reason) {
        Refund refund = find(refundId);
        AccountBook book = books.lock(refund.accountId());
        return reject(book, refunds.find(refund.refundId()).orElseThrow(), reviewer, reason);
    }

    /** Rejects every pending refund of a locked account (content violation, SPEC P-6/P-7). */
    void rejectPending(AccountBook book, String reason) {
        for (Refund pending : refunds.pendingOf(book.accountId())) {
            reject(book, pending, SYSTEM_REVIEWER, reason);
        }
    }

    private Refund reject(AccountBook book, Refund refund, String reviewer, String reason) {
        PrepaidPackage held = packages.lock(refund.packageId()).orElseThrow();
        Instant now = clock.instant();
        RefundDesk.Rejected rejected = RefundDesk.reject(refund, held, reviewer, reason, now);
        refunds.update(rejected.refund());
        PrepaidPackage released = rejected.releasedPackage();
        packages.update(released, now);
        if (!released.activated()) {
            // Its activation was skipped while the refund held it: run it now or when due.
            Instant due = released.activationTime().isAfter(now) ? released.activationTime() : now;
            jobs.reschedule(
                    JobKinds.ACTIVATION, released.packageId().toString(), JobKinds.NO_PAYLOAD, due);
        }
        return rejected.refund();
    }

    public Refund get(String refundId) {
        return find(refundId);
    }

    public List<RefundRepository.Stored> list(
            String accountId, Set<RefundState> states, PageRequest page) {
        Optional<UUID> account =
                accountId.isEmpty()
                        ? Optional.empty()
                        : Optional.of(books.read(accountId, "account_id").accountId());
        return refunds.list(account, states, page.after(), page.size());
    }

    /** Whether RequestRefund would be accepted for {@code p} now. */
    public boolean isRefundable(PrepaidPackage p) {
        return RefundRules.isRefundable(p, books.read(p.accountId()).standing(), clock.instant());
    }

    private Refund find(String refundId) {
        UUID id = AccountBooks.parse(refundId, "refund_id");
        return refunds.find(id)
                .orElseThrow(
                        () ->
                                ServiceException.notFound(
                                        REFUND_NOT_FOUND,
                                        "No refund " + refundId + ".",
                                        Map.of("refundId", refundId)));
    }
}
