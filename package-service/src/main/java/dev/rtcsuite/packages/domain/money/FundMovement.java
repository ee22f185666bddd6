package dev.rtcsuite.packages.domain.money;

/**
 * A movement of money in one fund: the stuff of one ledger entry. Positive credits the fund,
 * negative debits it.
 */
public record FundMovement(FundType fund, Money amount, Money fundBalanceAfter) {}
