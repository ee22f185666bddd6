package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.money.Balances;
import dev.rtcsuite.packages.domain.money.FundType;
import dev.rtcsuite.packages.domain.money.Funds;
import dev.rtcsuite.packages.domain.money.FundsChange;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.standing.StandingEvent;
import dev.rtcsuite.packages.persistence.DeductionRepository;
import dev.rtcsuite.packages.persistence.MoneyRepository;
import dev.rtcsuite.packages.persistence.MoneyRepository.Entry;
import dev.rtcsuite.packages.persistence.MoneyRepository.EntryContext;
import dev.rtcsuite.packages.persistence.MoneyRepository.EntryKind;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Balances, top-ups and the money ledger (SPEC P-5, P-6). */
@ApplicationScoped
@Transactional
public class Wallets {

    private final AccountBooks books;
    private final Standings standings;
    private final MoneyRepository money;
    private final DeductionRepository deductions;
    private final Clock clock;

    public Wallets(
            AccountBooks books,
            Standings standings,
            MoneyRepository money,
            DeductionRepository deductions,
            Clock clock) {
        this.books = books;
        this.standings = standings;
        this.money = money;
        this.deductions = deductions;
        this.clock = clock;
    }

    /** A top-up, its ledger entry and the account after it (arrears cleared if covered). */
    public record TopUp(Funds balance, Entry entry, AccountBook account) {}

    public Balances balances(String accountId) {
        return money.balances(books.read(accountId, "account_id").accountId());
    }

    /** Postpaid base-service charges of days not settled yet (an estimate until settlement). */
    public Money unsettledCharges(String accountId, java.util.Currency currency) {
        UUID id = books.read(accountId, "account_id").accountId();
        return Money.of(deductions.unsettledOverflow(id, currency), currency);
    }

    /**
     * Adds money to a fund (SPEC P-5). Idempotent on the request id at the API (a retried top-up is
     * answered from the first, never credited twice). A top-up that leaves no balance negative
     * restores an account in arrears or suspended for arrears at once (P-6).
     */
    public TopUp topUp(
            String accountId,
            Optional<Money> amount,
            FundType fund,
            String externalReference,
            String requestId) {
        new FieldChecks()
                .check(
                        amount.isPresent(),
                        "amount",
                        "required: more than 0 with at most 2 decimals")
                .length(externalReference, 0, 128, "external_reference")
                .throwIfInvalid();
        AccountBook book = books.lock(accountId, "account_id");
        book.standing().requireOpenForPurchases();
        Instant now = clock.instant();
        Money credit = amount.get();
        FundsChange change =
                money.balances(book.accountId()).of(credit.currency()).topUp(fund, credit);
        List<Entry> entries =
                money.apply(
                        book.accountId(),
                        change,
                        EntryContext.of(EntryKind.TOP_UP).withRequest(requestId, externalReference),
                        now);
        AccountBook after =
                standings.apply(
                        book,
                        new StandingEvent.FundsAdded(now, money.balances(book.accountId())),
                        "top-up");
        return new TopUp(change.after(), entries.getFirst(), after);
    }

    public List<Entry> entries(
            String accountId,
            Set<EntryKind> kinds,
            Optional<Instant> from,
            Optional<Instant> until,
            PageRequest page) {
        AccountBook book = books.read(accountId, "account_id");
        return money.entries(book.accountId(), kinds, from, until, page.after(), page.size());
    }
}
