package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.standing.StandingEvent;
import dev.rtcsuite.packages.persistence.DeductionRepository;
import dev.rtcsuite.packages.persistence.NoticeRepository;
import dev.rtcsuite.packages.persistence.PackageRepository;
import dev.rtcsuite.packages.persistence.RefundRepository;
import dev.rtcsuite.platform.error.FieldChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What changes an account's standing by request (SPEC P-5, P-6): postpaid on, a content-violation
 * suspension, the reclaim of an account suspended for arrears over 60 days.
 */
@ApplicationScoped
@Transactional
public class AccountActions {

    private final AccountBooks books;
    private final Standings standings;
    private final Refunds refunds;
    private final PackageRepository packages;
    private final DeductionRepository deductions;
    private final RefundRepository refundRows;
    private final NoticeRepository noticeRows;
    private final Clock clock;

    public AccountActions(
            AccountBooks books,
            Standings standings,
            Refunds refunds,
            PackageRepository packages,
            DeductionRepository deductions,
            RefundRepository refundRows,
            NoticeRepository noticeRows,
            Clock clock) {
        this.books = books;
        this.standings = standings;
        this.refunds = refunds;
        this.packages = packages;
        this.deductions = deductions;
        this.refundRows = refundRows;
        this.noticeRows = noticeRows;
        this.clock = clock;
    }

    /** Postpaid on, for good (SPEC P-5); restores a STOPPED account. Idempotent. */
    public AccountBook enablePostpaid(String accountId) {
        AccountBook book = books.lock(accountId, "account_id");
        book.standing().requireOpenForPurchases();
        return standings.apply(
                book, new StandingEvent.PostpaidRequested(clock.instant()), "postpaid enabled");
    }

    /** Permanent suspension; pending refunds are rejected and none is accepted afterwards. */
    public AccountBook suspendForViolation(String accountId, String reason) {
        new FieldChecks().length(reason, 1, 512, "reason").throwIfInvalid();
        AccountBook book = books.lock(accountId, "account_id");
        refunds.rejectPending(book, "account suspended for a content violation");
        return standings.apply(
                book,
                new StandingEvent.ViolationFound(clock.instant(), reason.strip()),
                "content violation");
    }

    /**
     * Reclaims now; FAILED_PRECONDITION RECLAIM_NOT_DUE unless 60 days into an arrears suspension.
     */
    public AccountBook reclaim(String accountId) {
        return reclaim(books.lock(accountId, "account_id"), clock.instant());
    }

    /** The reclaim timer: does nothing unless the account is (still) due. */
    void reclaimIfDue(UUID accountId, Instant now) {
        AccountBook book = books.lock(accountId);
        boolean due =
                !book.standing().isReclaimed()
                        && book.standing().arrears().filter(a -> a.isReclaimDueAt(now)).isPresent();
        if (due) {
            reclaim(book, now);
        }
    }

    /** The grace timer: suspends the account if its arrears are still there at the grace end. */
    void endGrace(UUID accountId, Instant now) {
        AccountBook book = books.lock(accountId);
        if (!book.standing().isReclaimed()) {
            standings.apply(book, new StandingEvent.TimePassed(now), "grace over");
        }
    }

    /** The account's notices, newest first ({@code size + 1} for paging). */
    public java.util.List<NoticeRepository.Stored> notices(
            String accountId, dev.rtcsuite.platform.paging.PageRequest page) {
        UUID id = books.read(accountId, "account_id").accountId();
        return noticeRows.list(id, page.after(), page.size());
    }

    private AccountBook reclaim(AccountBook book, Instant now) {
        AccountBook after =
                standings.apply(book, new StandingEvent.ReclaimRequested(now), "reclaimed");
        // Purged for good (SPEC P-6): packages and what refers to them. The money ledger,
        // statements and notices stay as the financial record.
        deductions.deleteOfAccount(book.accountId());
        refundRows.deleteOfAccount(book.accountId());
        packages.deleteOfAccount(book.accountId());
        return after;
    }
}
