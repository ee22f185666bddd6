package dev.rtcsuite.packages.domain.standing;

import dev.rtcsuite.packages.domain.AccountStatus;
import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.TrialExhaustionPolicy;
import dev.rtcsuite.packages.domain.standing.StandingEvent.FundsAdded;
import dev.rtcsuite.packages.domain.standing.StandingEvent.PackageAvailable;
import dev.rtcsuite.packages.domain.standing.StandingEvent.PackagesRanOut;
import dev.rtcsuite.packages.domain.standing.StandingEvent.PostpaidRequested;
import dev.rtcsuite.packages.domain.standing.StandingEvent.ReclaimRequested;
import dev.rtcsuite.packages.domain.standing.StandingEvent.SettlementLeftDebt;
import dev.rtcsuite.packages.domain.standing.StandingEvent.TimePassed;
import dev.rtcsuite.packages.domain.standing.StandingEvent.ViolationFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account's service standing as a pure state machine (SPEC P-2, P-5, P-6): (standing, event) →
 * new standing + notices. Rules that a transition encodes:
 *
 * <ul>
 *   <li>reclaimed is terminal: every event is refused;
 *   <li>a content-violation suspension is permanent: later events change nothing, and reclaim
 *       (which is for arrears only) is refused;
 *   <li>arrears start with the first settlement that leaves a balance negative; further debt
 *       neither restarts nor extends the grace;
 *   <li>funds that leave no balance negative clear arrears at once, in grace or suspended;
 *   <li>events that do not apply (a sweep before the grace ends, a top-up without arrears) change
 *       nothing, so schedulers and retries may send them freely.
 * </ul>
 */
public final class StandingMachine {

    private StandingMachine() {}

    public static StandingChange apply(ServiceStanding standing, StandingEvent event) {
        if (standing.isReclaimed()) {
            throw PackageErrors.accountReclaimed(standing.accountId());
        }
        if (standing.isSuspendedForViolation()) {
            if (event instanceof ReclaimRequested) {
                throw PackageErrors.reclaimNotDue(standing.accountId(), "");
            }
            return new StandingChange(standing, standing, List.of());
        }
        List<AccountNotice> notices = new ArrayList<>();
        ServiceStanding after =
                switch (event) {
                    case SettlementLeftDebt e -> startArrears(standing, e.at(), notices);
                    case TimePassed e -> endGraceIfOver(standing, e.at(), notices);
                    case FundsAdded e ->
                            e.balancesAfter().anyNegative()
                                    ? standing
                                    : standing.withArrears(Optional.empty());
                    case PackagesRanOut e -> runOutOfPackages(standing, e, notices);
                    case PackageAvailable e ->
                            standing.withPostpaid(standing.postpaidEnabled(), false);
                    case PostpaidRequested e -> standing.withPostpaid(true, false);
                    case ViolationFound e -> suspendForViolation(standing, e, notices);
                    case ReclaimRequested e -> reclaim(standing, e.at(), notices);
                };
        if (isRestored(standing.status(), after.status())) {
            notices.add(
                    notice(
                            AccountNoticeKind.SERVICE_RESTORED,
                            "Service is restored.",
                            Optional.empty(),
                            event.at()));
        }
        return new StandingChange(standing, after, notices);
    }

    private static ServiceStanding startArrears(
            ServiceStanding standing, Instant at, List<AccountNotice> notices) {
        if (standing.arrears().isPresent()) {
            return standing;
        }
        Arrears arrears = new Arrears(at, false);
        notices.add(
                notice(
                        AccountNoticeKind.ARREARS,
                        "Your balance is negative after settlement. Top up before "
                                + arrears.graceEndTime()
                                + " or service will be suspended, even with packages left.",
                        Optional.of(arrears.graceEndTime()),
                        at));
        return standing.withArrears(Optional.of(arrears));
    }

    private static ServiceStanding endGraceIfOver(
            ServiceStanding standing, Instant at, List<AccountNotice> notices) {
        Optional<Arrears> due =
                standing.arrears().filter(a -> !a.suspended() && a.isGraceOverAt(at));
        if (due.isEmpty()) {
            return standing;
        }
        Arrears suspended = due.get().suspend();
        Instant reclaimTime = suspended.reclaimDueTime().orElseThrow();
        notices.add(
                notice(
                        AccountNoticeKind.SUSPENDED_ARREARS,
                        "Service is suspended for arrears. Top up to restore it; after "
                                + reclaimTime
                                + " the account and all its data will be reclaimed.",
                        Optional.of(reclaimTime),
                        at));
        return standing.withArrears(Optional.of(suspended));
    }

    private static ServiceStanding runOutOfPackages(
            ServiceStanding standing, PackagesRanOut event, List<AccountNotice> notices) {
        if (standing.postpaidEnabled()) {
            return standing;
        }
        if (event.boughtBefore() || event.policy() == TrialExhaustionPolicy.CONTINUE) {
            notices.add(
                    notice(
                            AccountNoticeKind.POSTPAID_ENABLED,
                            "Your packages are used up or expired: usage is now charged postpaid"
                                    + " at list price.",
                            Optional.empty(),
                            event.at()));
            return standing.withPostpaid(true, false);
        }
        if (standing.stoppedForTrial()) {
            return standing;
        }
        notices.add(
                notice(
                        AccountNoticeKind.SERVICE_STOPPED,
                        "Your free trial is used up or expired: service is stopped until you buy a"
                                + " package or switch postpaid on.",
                        Optional.empty(),
                        event.at()));
        return standing.withPostpaid(false, true);
    }

    private static ServiceStanding suspendForViolation(
            ServiceStanding standing, ViolationFound event, List<AccountNotice> notices) {
        notices.add(
                notice(
                        AccountNoticeKind.SUSPENDED_VIOLATION,
                        "Service is suspended for a content violation: " + event.reason(),
                        Optional.empty(),
                        event.at()));
        return standing.withViolation(new ViolationSuspension(event.at(), event.reason()));
    }

    private static ServiceStanding reclaim(
            ServiceStanding standing, Instant at, List<AccountNotice> notices) {
        boolean due = standing.arrears().filter(a -> a.isReclaimDueAt(at)).isPresent();
        if (!due) {
            throw PackageErrors.reclaimNotDue(
                    standing.accountId(), standing.reclaimTime().map(Instant::toString).orElse(""));
        }
        notices.add(
                notice(
                        AccountNoticeKind.RECLAIMED,
                        "The account was suspended for arrears for 60 days and is reclaimed: its"
                                + " configuration, records, packages and files are purged.",
                        Optional.empty(),
                        at));
        return standing.reclaimedAt(at);
    }

    /** Back to ACTIVE, or from out of service into the arrears grace. */
    private static boolean isRestored(AccountStatus before, AccountStatus after) {
        return before != after
                && (after == AccountStatus.ACTIVE || (!before.serves() && after.serves()));
    }

    private static AccountNotice notice(
            AccountNoticeKind kind, String message, Optional<Instant> deadline, Instant at) {
        return new AccountNotice(kind, message, deadline, at);
    }
}
