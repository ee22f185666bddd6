package dev.rtcsuite.packages.domain.standing;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.assertRefused;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.domain.AccountStatus;
import dev.rtcsuite.packages.domain.StatusReason;
import dev.rtcsuite.packages.domain.TrialExhaustionPolicy;
import dev.rtcsuite.packages.domain.money.Balances;
import dev.rtcsuite.packages.domain.money.Funds;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.standing.StandingEvent.FundsAdded;
import dev.rtcsuite.packages.domain.standing.StandingEvent.PackageAvailable;
import dev.rtcsuite.packages.domain.standing.StandingEvent.PackagesRanOut;
import dev.rtcsuite.packages.domain.standing.StandingEvent.PostpaidRequested;
import dev.rtcsuite.packages.domain.standing.StandingEvent.ReclaimRequested;
import dev.rtcsuite.packages.domain.standing.StandingEvent.SettlementLeftDebt;
import dev.rtcsuite.packages.domain.standing.StandingEvent.TimePassed;
import dev.rtcsuite.packages.domain.standing.StandingEvent.ViolationFound;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC P-2, P-5, P-6: every transition of the service standing, allowed and forbidden. */
class StandingMachineTest {

    /** Arrears of the prepared standings start here; the grace ends 24 h later. */
    private static final Instant DEBT = at("2026-03-02T10:00:00");

    private static final Instant GRACE_END = at("2026-03-03T10:00:00");
    private static final Instant RECLAIM_DUE = at("2026-05-02T10:00:00");
    private static final Instant LATER = at("2026-03-02T15:00:00");
    private static final Instant A_YEAR_LATER = at("2027-03-02T15:00:00");

    private static final Balances PAID_UP =
            Balances.empty().with(new Funds(Money.cny("10.00"), Money.cny("0"), Money.cny("0")));
    private static final Balances STILL_NEGATIVE = Balances.empty().with(negative("CNY"));
    private static final Balances USD_NEGATIVE = PAID_UP.with(negative("USD"));

    private static final ServiceStanding ACTIVE = ServiceStanding.opened(ACCOUNT);
    private static final ServiceStanding POSTPAID = ACTIVE.withPostpaid(true, false);
    private static final ServiceStanding IN_ARREARS =
            POSTPAID.withArrears(Optional.of(new Arrears(DEBT, false)));
    private static final ServiceStanding SUSPENDED_FOR_ARREARS =
            POSTPAID.withArrears(Optional.of(new Arrears(DEBT, true)));
    private static final ServiceStanding STOPPED = ACTIVE.withPostpaid(false, true);
    private static final ServiceStanding STOPPED_IN_ARREARS =
            STOPPED.withArrears(Optional.of(new Arrears(DEBT, false)));
    private static final ServiceStanding VIOLATION =
            IN_ARREARS.withViolation(new ViolationSuspension(LATER, "illegal content"));
    private static final ServiceStanding RECLAIMED = SUSPENDED_FOR_ARREARS.reclaimedAt(RECLAIM_DUE);

    private static final Map<String, ServiceStanding> STATES =
            Map.of(
                    "ACTIVE", ACTIVE,
                    "POSTPAID", POSTPAID,
                    "ARREARS", IN_ARREARS,
                    "SUSPENDED_ARREARS", SUSPENDED_FOR_ARREARS,
                    "STOPPED", STOPPED,
                    "STOPPED_IN_ARREARS", STOPPED_IN_ARREARS,
                    "VIOLATION", VIOLATION,
                    "RECLAIMED", RECLAIMED);

    private static final Map<String, StandingEvent> EVENTS =
            Map.ofEntries(
                    Map.entry("DEBT", new SettlementLeftDebt(LATER)),
                    Map.entry("TICK", new TimePassed(LATER)),
                    Map.entry("TICK_BEFORE_GRACE_END", new TimePassed(GRACE_END.minusSeconds(1))),
                    Map.entry("TICK_AT_GRACE_END", new TimePassed(GRACE_END)),
                    Map.entry("TICK_AT_RECLAIM_DUE", new TimePassed(RECLAIM_DUE)),
                    Map.entry("TOP_UP_PAID_UP", new FundsAdded(LATER, PAID_UP)),
                    Map.entry("TOP_UP_STILL_NEGATIVE", new FundsAdded(LATER, STILL_NEGATIVE)),
                    Map.entry("TOP_UP_USD_NEGATIVE", new FundsAdded(LATER, USD_NEGATIVE)),
                    Map.entry("RAN_OUT_STOP", ranOut(TrialExhaustionPolicy.STOP, false)),
                    Map.entry("RAN_OUT_CONTINUE", ranOut(TrialExhaustionPolicy.CONTINUE, false)),
                    Map.entry(
                            "RAN_OUT_STOP_BOUGHT_BEFORE", ranOut(TrialExhaustionPolicy.STOP, true)),
                    Map.entry("PACKAGE_AVAILABLE", new PackageAvailable(LATER)),
                    Map.entry("POSTPAID_REQUESTED", new PostpaidRequested(LATER)),
                    Map.entry("VIOLATION", new ViolationFound(LATER, "spam")),
                    Map.entry("RECLAIM", new ReclaimRequested(LATER)),
                    Map.entry(
                            "RECLAIM_BEFORE_DUE",
                            new ReclaimRequested(RECLAIM_DUE.minusSeconds(1))),
                    Map.entry("RECLAIM_AT_DUE", new ReclaimRequested(RECLAIM_DUE)),
                    Map.entry("RECLAIM_A_YEAR_LATER", new ReclaimRequested(A_YEAR_LATER)));

    /** Expected: the reason after the event (it implies the status) and the notices sent. */
    @ParameterizedTest(name = "{0} + {1} → {2} {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ACTIVE             | DEBT                       | ARREARS_GRACE       | ARREARS
            ACTIVE             | TICK                       | NONE                |
            ACTIVE             | TOP_UP_PAID_UP             | NONE                |
            ACTIVE             | RAN_OUT_STOP               | TRIAL_EXHAUSTED     | SERVICE_STOPPED
            ACTIVE             | RAN_OUT_CONTINUE           | NONE                | POSTPAID_ENABLED
            ACTIVE             | RAN_OUT_STOP_BOUGHT_BEFORE | NONE                | POSTPAID_ENABLED
            POSTPAID           | RAN_OUT_STOP               | NONE                |
            ACTIVE             | PACKAGE_AVAILABLE          | NONE                |
            ACTIVE             | POSTPAID_REQUESTED         | NONE                |
            ACTIVE             | VIOLATION                  | SUSPENDED_VIOLATION | SUSPENDED_VIOLATION
            ARREARS            | TICK_BEFORE_GRACE_END      | ARREARS_GRACE       |
            ARREARS            | TICK_AT_GRACE_END          | SUSPENDED_ARREARS   | SUSPENDED_ARREARS
            ARREARS            | TOP_UP_PAID_UP             | NONE                | SERVICE_RESTORED
            ARREARS            | TOP_UP_STILL_NEGATIVE      | ARREARS_GRACE       |
            ARREARS            | TOP_UP_USD_NEGATIVE        | ARREARS_GRACE       |
            ARREARS            | DEBT                       | ARREARS_GRACE       |
            ARREARS            | PACKAGE_AVAILABLE          | ARREARS_GRACE       |
            ARREARS            | VIOLATION                  | SUSPENDED_VIOLATION | SUSPENDED_VIOLATION
            SUSPENDED_ARREARS  | TOP_UP_PAID_UP             | NONE                | SERVICE_RESTORED
            SUSPENDED_ARREARS  | TOP_UP_STILL_NEGATIVE      | SUSPENDED_ARREARS   |
            SUSPENDED_ARREARS  | PACKAGE_AVAILABLE          | SUSPENDED_ARREARS   |
            SUSPENDED_ARREARS  | POSTPAID_REQUESTED         | SUSPENDED_ARREARS   |
            SUSPENDED_ARREARS  | TICK_AT_RECLAIM_DUE        | SUSPENDED_ARREARS   |
            SUSPENDED_ARREARS  | DEBT                       | SUSPENDED_ARREARS   |
            SUSPENDED_ARREARS  | RECLAIM_AT_DUE             | RECLAIMED           | RECLAIMED
            STOPPED            | PACKAGE_AVAILABLE          | NONE                | SERVICE_RESTORED
            STOPPED            | POSTPAID_REQUESTED         | NONE                | SERVICE_RESTORED
            STOPPED            | RAN_OUT_STOP               | TRIAL_EXHAUSTED     |
            STOPPED            | TOP_UP_PAID_UP             | TRIAL_EXHAUSTED     |
            STOPPED            | DEBT                       | TRIAL_EXHAUSTED     | ARREARS
            STOPPED_IN_ARREARS | TOP_UP_PAID_UP             | TRIAL_EXHAUSTED     |
            STOPPED_IN_ARREARS | PACKAGE_AVAILABLE          | ARREARS_GRACE       | SERVICE_RESTORED
            STOPPED_IN_ARREARS | TICK_AT_GRACE_END          | SUSPENDED_ARREARS   | SUSPENDED_ARREARS
            VIOLATION          | TOP_UP_PAID_UP             | SUSPENDED_VIOLATION |
            VIOLATION          | PACKAGE_AVAILABLE          | SUSPENDED_VIOLATION |
            VIOLATION          | POSTPAID_REQUESTED         | SUSPENDED_VIOLATION |
            VIOLATION          | TICK_AT_RECLAIM_DUE        | SUSPENDED_VIOLATION |
            VIOLATION          | VIOLATION                  | SUSPENDED_VIOLATION |
            VIOLATION          | DEBT                       | SUSPENDED_VIOLATION |
            """)
    void allowedTransition(String state, String event, StatusReason reason, String notices) {
        StandingChange change = StandingMachine.apply(STATES.get(state), EVENTS.get(event));

        assertThat(change.after().reason()).isEqualTo(reason);
        assertThat(change.after().status()).isEqualTo(statusOf(reason));
        assertThat(change.notices())
                .extracting(notice -> notice.kind().name())
                .isEqualTo(notices == null ? List.of() : List.of(notices.split(" ")));
        assertThat(change.notices()).allMatch(n -> n.createTime().equals(EVENTS.get(event).at()));
    }

    @ParameterizedTest(name = "{0} + {1} → refused {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ACTIVE            | RECLAIM              | RECLAIM_NOT_DUE
            ARREARS           | RECLAIM_AT_DUE       | RECLAIM_NOT_DUE
            SUSPENDED_ARREARS | RECLAIM_BEFORE_DUE   | RECLAIM_NOT_DUE
            STOPPED           | RECLAIM_A_YEAR_LATER | RECLAIM_NOT_DUE
            VIOLATION         | RECLAIM_A_YEAR_LATER | RECLAIM_NOT_DUE
            RECLAIMED         | DEBT                 | ACCOUNT_RECLAIMED
            RECLAIMED         | TICK                 | ACCOUNT_RECLAIMED
            RECLAIMED         | TOP_UP_PAID_UP       | ACCOUNT_RECLAIMED
            RECLAIMED         | RAN_OUT_STOP         | ACCOUNT_RECLAIMED
            RECLAIMED         | PACKAGE_AVAILABLE    | ACCOUNT_RECLAIMED
            RECLAIMED         | POSTPAID_REQUESTED   | ACCOUNT_RECLAIMED
            RECLAIMED         | VIOLATION            | ACCOUNT_RECLAIMED
            RECLAIMED         | RECLAIM_A_YEAR_LATER | ACCOUNT_RECLAIMED
            """)
    void forbiddenTransition(String state, String event, String refusal) {
        assertRefused(() -> StandingMachine.apply(STATES.get(state), EVENTS.get(event)), refusal);
    }

    @Test
    void arrearsGiveTwentyFourHoursOfGraceAnnouncedInTheNotice() {
        StandingChange change = StandingMachine.apply(POSTPAID, new SettlementLeftDebt(DEBT));

        assertThat(change.after().status()).isEqualTo(AccountStatus.ARREARS);
        assertThat(change.after().status().serves()).isTrue();
        assertThat(change.after().graceEndTime()).contains(GRACE_END);
        assertThat(Duration.between(DEBT, GRACE_END)).isEqualTo(Duration.ofHours(24));
        assertThat(change.notices().getFirst().deadlineTime()).contains(GRACE_END);
    }

    @Test
    void suspensionStartsAtTheGraceEndAndReclaimIsDueSixtyDaysLater() {
        StandingChange change =
                StandingMachine.apply(IN_ARREARS, new TimePassed(GRACE_END.plusSeconds(90)));

        assertThat(change.after().suspendTime()).contains(GRACE_END);
        assertThat(change.after().reclaimTime()).contains(RECLAIM_DUE);
        assertThat(Duration.between(GRACE_END, RECLAIM_DUE)).isEqualTo(Duration.ofDays(60));
        assertThat(change.after().graceEndTime()).isEmpty();
        assertThat(change.notices().getFirst().deadlineTime()).contains(RECLAIM_DUE);
    }

    @Test
    void furtherDebtNeitherRestartsNorExtendsTheGrace() {
        StandingChange change =
                StandingMachine.apply(
                        IN_ARREARS, new SettlementLeftDebt(GRACE_END.minusSeconds(60)));

        assertThat(change.changed()).isFalse();
        assertThat(change.after().graceEndTime()).contains(GRACE_END);
    }

    @Test
    void violationSuspensionKeepsItsFirstReasonAndTime() {
        ServiceStanding again =
                StandingMachine.apply(VIOLATION, new ViolationFound(RECLAIM_DUE, "again")).after();

        assertThat(again.violation()).contains(new ViolationSuspension(LATER, "illegal content"));
        assertThat(again.suspendTime()).contains(LATER);
    }

    @Test
    void reclaimedAccountRemembersWhen() {
        ServiceStanding reclaimed =
                StandingMachine.apply(SUSPENDED_FOR_ARREARS, new ReclaimRequested(RECLAIM_DUE))
                        .after();

        assertThat(reclaimed.status()).isEqualTo(AccountStatus.RECLAIMED);
        assertThat(reclaimed.reclaimTime()).contains(RECLAIM_DUE);
    }

    @Test
    void postpaidOnceOnStaysOn() {
        ServiceStanding on = StandingMachine.apply(ACTIVE, new PostpaidRequested(LATER)).after();

        for (StandingEvent event :
                List.of(
                        new PostpaidRequested(LATER),
                        new PackageAvailable(LATER),
                        ranOut(TrialExhaustionPolicy.STOP, false),
                        new SettlementLeftDebt(LATER),
                        new FundsAdded(LATER, PAID_UP))) {
            on = StandingMachine.apply(on, event).after();
            assertThat(on.postpaidEnabled()).isTrue();
        }
    }

    private static PackagesRanOut ranOut(TrialExhaustionPolicy policy, boolean boughtBefore) {
        return new PackagesRanOut(LATER, policy, boughtBefore);
    }

    private static Funds negative(String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        return Funds.empty(currency).charge(Money.of("0.01", currency)).after();
    }

    private static AccountStatus statusOf(StatusReason reason) {
        return switch (reason) {
            case NONE, APP_DISABLED -> AccountStatus.ACTIVE;
            case ARREARS_GRACE -> AccountStatus.ARREARS;
            case SUSPENDED_ARREARS, SUSPENDED_VIOLATION -> AccountStatus.SUSPENDED;
            case TRIAL_EXHAUSTED -> AccountStatus.STOPPED;
            case RECLAIMED -> AccountStatus.RECLAIMED;
        };
    }
}
