package dev.rtcsuite.packages.domain.money;

/**
 * The three funds of a balance (SPEC P-5, P-7). Debits take them in declaration order: gift first,
 * then income transfer, then cash, the only fund that may go negative.
 */
public enum FundType {
    GIFT,
    INCOME_TRANSFER,
    CASH
}
