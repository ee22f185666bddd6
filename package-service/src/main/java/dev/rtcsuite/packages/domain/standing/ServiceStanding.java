package dev.rtcsuite.packages.domain.standing;

import dev.rtcsuite.packages.domain.AccountStatus;
import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.StatusReason;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything that decides whether an account is in service (SPEC P-2, P-5, P-6), kept as
 * independent facts so that none is lost while another dominates: an account stopped for its trial
 * can fall into arrears, and clearing the arrears leaves it stopped. The status and reason are
 * derived, the most severe fact first (the order of {@link StatusReason}).
 *
 * @param postpaidEnabled usage beyond packages is charged postpaid; never switched off again
 * @param stoppedForTrial packages ran out under the trial's STOP policy, without postpaid
 * @param reclaimedTime when the account was reclaimed: terminal
 */
public record ServiceStanding(
        UUID accountId,
        boolean postpaidEnabled,
        boolean stoppedForTrial,
        Optional<Arrears> arrears,
        Optional<ViolationSuspension> violation,
        Optional<Instant> reclaimedTime) {

    /** A new account: active, postpaid off. */
    public static ServiceStanding opened(UUID accountId) {
        return new ServiceStanding(
                accountId, false, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public StatusReason reason() {
        if (reclaimedTime.isPresent()) {
            return StatusReason.RECLAIMED;
        } else if (violation.isPresent()) {
            return StatusReason.SUSPENDED_VIOLATION;
        } else if (arrears.filter(Arrears::suspended).isPresent()) {
            return StatusReason.SUSPENDED_ARREARS;
        } else if (stoppedForTrial) {
            return StatusReason.TRIAL_EXHAUSTED;
        } else if (arrears.isPresent()) {
            return StatusReason.ARREARS_GRACE;
        }
        return StatusReason.NONE;
    }

    public AccountStatus status() {
        return switch (reason()) {
            case RECLAIMED -> AccountStatus.RECLAIMED;
            case SUSPENDED_VIOLATION, SUSPENDED_ARREARS -> AccountStatus.SUSPENDED;
            case TRIAL_EXHAUSTED -> AccountStatus.STOPPED;
            case ARREARS_GRACE -> AccountStatus.ARREARS;
            case NONE, APP_DISABLED -> AccountStatus.ACTIVE;
        };
    }

    /** End of the arrears grace while it runs. */
    public Optional<Instant> graceEndTime() {
        return arrears.filter(a -> !a.suspended()).map(Arrears::graceEndTime);
    }

    /** When the current suspension (violation or arrears) started. */
    public Optional<Instant> suspendTime() {
        return violation
                .map(ViolationSuspension::time)
                .or(() -> arrears.flatMap(Arrears::suspendTime));
    }

    /** When reclaimed, or when an account suspended for arrears will be. */
    public Optional<Instant> reclaimTime() {
        return reclaimedTime.or(() -> arrears.flatMap(Arrears::reclaimDueTime));
    }

    public boolean isReclaimed() {
        return reclaimedTime.isPresent();
    }

    public boolean isSuspendedForViolation() {
        return violation.isPresent();
    }

    /** Refuses purchases (and refunds) for reclaimed and violation-suspended accounts. */
    public void requireOpenForPurchases() {
        if (isReclaimed()) {
            throw PackageErrors.accountReclaimed(accountId);
        }
        if (isSuspendedForViolation()) {
            throw PackageErrors.accountSuspendedForViolation(accountId);
        }
    }

    ServiceStanding withPostpaid(boolean enabled, boolean stopped) {
        return new ServiceStanding(accountId, enabled, stopped, arrears, violation, reclaimedTime);
    }

    ServiceStanding withArrears(Optional<Arrears> newArrears) {
        return new ServiceStanding(
                accountId, postpaidEnabled, stoppedForTrial, newArrears, violation, reclaimedTime);
    }

    ServiceStanding withViolation(ViolationSuspension suspension) {
        return new ServiceStanding(
                accountId,
                postpaidEnabled,
                stoppedForTrial,
                arrears,
                Optional.of(suspension),
                reclaimedTime);
    }

    ServiceStanding reclaimedAt(Instant time) {
        return new ServiceStanding(
                accountId, postpaidEnabled, stoppedForTrial, arrears, violation, Optional.of(time));
    }
}
