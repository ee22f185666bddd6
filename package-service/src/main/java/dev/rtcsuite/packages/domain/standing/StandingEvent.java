package dev.rtcsuite.packages.domain.standing;

import dev.rtcsuite.packages.domain.TrialExhaustionPolicy;
import dev.rtcsuite.packages.domain.money.Balances;
import java.time.Instant;

/** Something that may change an account's {@link ServiceStanding}, at instant {@link #at}. */
public sealed interface StandingEvent {

    Instant at();

    /** A settlement left a balance negative (SPEC P-6). */
    record SettlementLeftDebt(Instant at) implements StandingEvent {}

    /** The scheduler's sweep: ends the arrears grace when it is over. */
    record TimePassed(Instant at) implements StandingEvent {}

    /** Money was credited (top-up, refund): clears arrears once no balance is negative. */
    record FundsAdded(Instant at, Balances balancesAfter) implements StandingEvent {}

    /**
     * No package deducts or waits for activation any more (SPEC P-2, P-3). Accounts that ever
     * bought a package get postpaid; the others follow the trial's exhaustion policy.
     */
    record PackagesRanOut(Instant at, TrialExhaustionPolicy policy, boolean boughtBefore)
            implements StandingEvent {}

    /** A package was bought or granted, or a rejected refund gave one back. */
    record PackageAvailable(Instant at) implements StandingEvent {}

    /** The account switched postpaid on itself. */
    record PostpaidRequested(Instant at) implements StandingEvent {}

    /** An operator found a content violation. */
    record ViolationFound(Instant at, String reason) implements StandingEvent {}

    /** The scheduler or an operator asks to reclaim the account. */
    record ReclaimRequested(Instant at) implements StandingEvent {}
}
