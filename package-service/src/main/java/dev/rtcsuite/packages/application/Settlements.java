package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.client.DailyBills;
import dev.rtcsuite.packages.domain.App;
import dev.rtcsuite.packages.domain.PackageErrors;
import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.money.FundsChange;
import dev.rtcsuite.packages.domain.settlement.ChargeLine;
import dev.rtcsuite.packages.domain.settlement.DaySettlement;
import dev.rtcsuite.packages.domain.settlement.Statement;
import dev.rtcsuite.packages.domain.settlement.StatementKind;
import dev.rtcsuite.packages.domain.settlement.StatementState;
import dev.rtcsuite.packages.domain.standing.StandingEvent;
import dev.rtcsuite.packages.persistence.AppRepository;
import dev.rtcsuite.packages.persistence.DeductionRepository;
import dev.rtcsuite.packages.persistence.MoneyRepository;
import dev.rtcsuite.packages.persistence.MoneyRepository.EntryContext;
import dev.rtcsuite.packages.persistence.MoneyRepository.EntryKind;
import dev.rtcsuite.packages.persistence.StandingRepository;
import dev.rtcsuite.packages.persistence.StatementRepository;
import dev.rtcsuite.platform.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Daily settlement of postpaid charges (SPEC P-5): the base-service overflow of the day's
 * deductions plus the value-added items of rating-service's daily bills, charged against the
 * balance once per (account, billing day). A charge that leaves a balance negative starts the
 * arrears (P-6). A durable job per (account, day with usage) settles it the next day; SettleDay
 * settles any day on request.
 */
@ApplicationScoped
@Transactional
public class Settlements {

    public static final String STATEMENT_NOT_FOUND = "STATEMENT_NOT_FOUND";

    private static final int ALL_APPS = 100_000;

    private final AccountBooks books;
    private final Standings standings;
    private final AppRepository apps;
    private final DeductionRepository deductions;
    private final StatementRepository statements;
    private final StandingRepository standingRows;
    private final MoneyRepository money;
    private final DailyBills bills;
    private final Clock clock;

    public Settlements(
            AccountBooks books,
            Standings standings,
            AppRepository apps,
            DeductionRepository deductions,
            StatementRepository statements,
            StandingRepository standingRows,
            MoneyRepository money,
            DailyBills bills,
            Clock clock) {
        this.books = books;
        this.standings = standings;
        this.apps = apps;
        this.deductions = deductions;
        this.statements = statements;
        this.standingRows = standingRows;
        this.money = money;
        this.bills = bills;
        this.clock = clock;
    }

    /** Settles one billing day of one account (new or already settled statements). */
    public List<Statement> settle(String accountId, LocalDate billingDay) {
        return settle(books.read(accountId, "account_id").accountId(), billingDay);
    }

    /** Settles the day for every account whose day has ended; returns how many were settled. */
    public int settleAll(LocalDate billingDay) {
        int settled = 0;
        for (UUID accountId : standingRows.accountsNotReclaimed()) {
            AccountBook book = books.read(accountId);
            if (dayIsOver(book, billingDay)
                    && statements.settledOn(accountId, billingDay).isEmpty()) {
                settle(accountId, billingDay);
                settled++;
            }
        }
        return settled;
    }

    /**
     * Settles {@code billingDay}: rating-service is asked first, then the account is locked and the
     * day claimed, so a repeat (or another replica) returns the statements of the first.
     */
    public List<Statement> settle(UUID accountId, LocalDate billingDay) {
        return settle(accountId, billingDay, true);
    }

    /**
     * The settlement job's run: like {@link #settle(UUID, LocalDate)}, but a day with nothing to
     * charge or record (no postpaid usage, no period due) is left alone, so that the daily job of
     * every postpaid account writes nothing on idle days.
     */
    List<Statement> settleIfCharged(UUID accountId, LocalDate billingDay) {
        return settle(accountId, billingDay, false);
    }

    private List<Statement> settle(UUID accountId, LocalDate billingDay, boolean evenIfIdle) {
        AccountBook unlocked = books.read(accountId);
        if (!dayIsOver(unlocked, billingDay)) {
            throw PackageErrors.billingDayNotOver(accountId, billingDay);
        }
        List<Statement> earlier = statements.settledOn(accountId, billingDay);
        if (!earlier.isEmpty()) {
            return earlier;
        }
        List<ChargeLine> charges = new ArrayList<>();
        for (App app : apps.list(accountId, 0, ALL_APPS).items()) {
            charges.addAll(bills.valueAddedCharges(app.sdkAppId(), billingDay));
        }
        AccountBook book = books.lock(accountId);
        Instant now = clock.instant();
        for (Deduction d : deductions.ofDay(accountId, billingDay)) {
            if (!d.postpaidUsageMinutes().isZero()) {
                charges.add(ChargeLine.ofOverflow(d));
            }
        }
        List<Statement> uncharged = statements.unchargedDays(accountId);
        if (!evenIfIdle
                && DaySettlement.isIdle(book.settlementCycle(), billingDay, charges, uncharged)) {
            return List.of();
        }
        if (!statements.claimDay(accountId, billingDay, now)) {
            return statements.settledOn(accountId, billingDay);
        }
        DaySettlement.Result result =
                DaySettlement.settle(
                        accountId,
                        book.settlementCycle(),
                        billingDay,
                        book.zone(),
                        charges,
                        uncharged,
                        money.balances(accountId),
                        now);
        Iterator<FundsChange> charged = result.charges().iterator();
        for (Statement statement : result.statements()) {
            statements.insert(statement);
            if (statement.state() == StatementState.SETTLED) {
                money.apply(
                        accountId,
                        charged.next(),
                        EntryContext.of(EntryKind.POSTPAID_SETTLEMENT)
                                .withStatement(statement.statementId()),
                        now);
            }
        }
        result.statements().stream()
                .filter(s -> s.kind() == StatementKind.MONTHLY)
                .findFirst()
                .ifPresent(
                        period ->
                                statements.markCharged(
                                        java.util.stream.Stream.concat(
                                                        uncharged.stream(),
                                                        result.statements().stream()
                                                                .filter(
                                                                        s ->
                                                                                s.state()
                                                                                        == StatementState
                                                                                                .INFORMATIONAL))
                                                .toList(),
                                        period.statementId()));
        if (result.leftDebt()) {
            standings.apply(book, new StandingEvent.SettlementLeftDebt(now), "settlement");
        }
        return result.statements();
    }

    public Statement statement(String statementId) {
        UUID id = AccountBooks.parse(statementId, "statement_id");
        return statements
                .find(id)
                .orElseThrow(
                        () ->
                                ServiceException.notFound(
                                        STATEMENT_NOT_FOUND,
                                        "No statement " + statementId + ".",
                                        java.util.Map.of("statementId", statementId)));
    }

    /** Newest period first: {@code size + 1} from position {@code offset}. */
    public List<Statement> statements(
            String accountId,
            java.util.Optional<StatementKind> kind,
            java.util.Optional<LocalDate> startDay,
            java.util.Optional<LocalDate> endDay,
            long offset,
            int size) {
        UUID id = books.read(accountId, "account_id").accountId();
        return statements.list(id, kind, startDay, endDay, offset, size);
    }

    private boolean dayIsOver(AccountBook book, LocalDate billingDay) {
        Instant end = billingDay.plusDays(1).atStartOfDay(book.zone()).toInstant();
        return !clock.instant().isBefore(end);
    }
}
