package dev.rtcsuite.packages.domain.standing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Arrears of an account (SPEC P-6): since the settlement that left a balance negative. Service goes
 * on for a 24-hour grace; then the account is suspended, and 60 days after that it may be
 * reclaimed. Suspension takes effect at the end of the grace, whenever the sweep notices it, so
 * that the reclaim date announced with the suspension never moves.
 */
public record Arrears(Instant since, boolean suspended) {

    public static final Duration GRACE = Duration.ofHours(24);
    public static final Duration RECLAIM_AFTER = Duration.ofDays(60);

    public Instant graceEndTime() {
        return since.plus(GRACE);
    }

    public Optional<Instant> suspendTime() {
        return suspended ? Optional.of(graceEndTime()) : Optional.empty();
    }

    /** When a suspended account may be reclaimed; empty while in grace. */
    public Optional<Instant> reclaimDueTime() {
        return suspendTime().map(time -> time.plus(RECLAIM_AFTER));
    }

    public boolean isGraceOverAt(Instant now) {
        return !now.isBefore(graceEndTime());
    }

    public boolean isReclaimDueAt(Instant now) {
        return reclaimDueTime().filter(due -> !now.isBefore(due)).isPresent();
    }

    public Arrears suspend() {
        return new Arrears(since, true);
    }
}
