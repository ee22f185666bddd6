package dev.rtcsuite.packages.application;

import dev.rtcsuite.packages.domain.Account;
import dev.rtcsuite.packages.domain.settlement.SettlementCycle;
import dev.rtcsuite.packages.domain.standing.ServiceStanding;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * An account with its standing and settings, as read (and usually locked) by a use case: what the
 * API shows as an Account.
 */
public record AccountBook(
        Account account,
        ServiceStanding standing,
        SettlementCycle settlementCycle,
        boolean enterpriseVerified,
        Optional<Instant> firstAppTime) {

    public UUID accountId() {
        return account.accountId();
    }

    public ZoneId zone() {
        return account.billingTimeZone();
    }

    AccountBook with(ServiceStanding newStanding, Account newAccount) {
        return new AccountBook(
                newAccount, newStanding, settlementCycle, enterpriseVerified, firstAppTime);
    }
}
