package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.Account;
import dev.rtcsuite.packages.persistence.AccountRepository;
import dev.rtcsuite.packages.persistence.StandingRepository;
import dev.rtcsuite.packages.persistence.StandingRepository.StandingRow;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads accounts with their standing. {@link #lock} is the first step of every change to an
 * account's packages or money: it serializes them per account (SPEC P-4: never below zero, whatever
 * the concurrency), and every other row is locked after it.
 */
@ApplicationScoped
public class AccountBooks {

    private final AccountRepository accounts;
    private final StandingRepository standings;

    public AccountBooks(AccountRepository accounts, StandingRepository standings) {
        this.accounts = accounts;
        this.standings = standings;
    }

    /** Locks the account until the transaction ends; NOT_FOUND if unknown. */
    public AccountBook lock(UUID accountId) {
        StandingRow row = standings.lock(accountId).orElseThrow(() -> notFound(accountId));
        return book(accountId, row);
    }

    /**
     * Locks several accounts (their standing rows) in account order, as the hot path's batches do;
     * returns those that exist.
     */
    public java.util.Set<UUID> lockStandings(java.util.List<UUID> accountIds) {
        return standings.lockAll(accountIds);
    }

    public AccountBook read(UUID accountId) {
        StandingRow row = standings.find(accountId).orElseThrow(() -> notFound(accountId));
        return book(accountId, row);
    }

    /** The account named by a request field, parsed (INVALID_ARGUMENT) and locked. */
    public AccountBook lock(String accountId, String field) {
        return lock(parse(accountId, field));
    }

    public AccountBook read(String accountId, String field) {
        return read(parse(accountId, field));
    }

    public AccountBook view(Account account) {
        return book(account.accountId(), standings.find(account.accountId()).orElseThrow());
    }

    public static UUID parse(String id, String field) {
        Optional<UUID> parsed = tryParse(id);
        if (parsed.isEmpty()) {
            new FieldChecks()
                    .check(false, field, "must be an id (a UUID); was '" + id + "'")
                    .throwIfInvalid();
        }
        return parsed.orElseThrow();
    }

    static Optional<UUID> tryParse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private AccountBook book(UUID accountId, StandingRow row) {
        Account account = accounts.find(accountId).orElseThrow(() -> notFound(accountId));
        return new AccountBook(
                account,
                row.standing(),
                row.settlementCycle(),
                row.enterpriseVerified(),
                row.firstAppTime());
    }

    static ServiceException notFound(UUID accountId) {
        return ServiceException.notFound(
                AccountRegistry.ACCOUNT_NOT_FOUND,
                "No account " + accountId + ".",
                Map.of("accountId", accountId.toString()));
    }
}
