package dev.rtcsuite.rating.domain.price;

/** Kind of price book (SPEC R-1). */
public enum PriceBookKind {
    /** List prices: every item and tier priced; effective-dated. */
    LIST,
    /** Contract prices assigned to an account: only what it names, overriding the list. */
    CONTRACT
}
