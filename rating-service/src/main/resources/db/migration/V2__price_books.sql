-- SPEC R-1: versioned price books. A LIST book applies from its effective time; a CONTRACT book
-- applies to the accounts it is assigned to, overriding the items it names.
CREATE TABLE price_book (
    version        text        PRIMARY KEY CHECK (version ~ '^[a-z0-9.-]{1,64}$'),
    kind           text        NOT NULL CHECK (kind IN ('LIST', 'CONTRACT')),
    display_name   text        NOT NULL,
    effective_time timestamptz,
    created_time   timestamptz NOT NULL,
    CHECK ((kind = 'LIST') = (effective_time IS NOT NULL))
);

-- One price per (book, item, tier): per minute for minute items, else per unit (channel-month,
-- GB-day, GB). tier is '-' for items without tiers.
CREATE TABLE price_book_price (
    version    text           NOT NULL REFERENCES price_book (version),
    item       text           NOT NULL,
    tier       text           NOT NULL,
    currency   char(3)        NOT NULL,
    unit_price numeric(24, 12) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (version, item, tier)
);

-- Which CONTRACT book an account has from when; a NULL book removes the contract. Append-only.
CREATE TABLE contract_assignment (
    account_id         text        NOT NULL,
    effective_time     timestamptz NOT NULL,
    price_book_version text        REFERENCES price_book (version),
    created_time       timestamptz NOT NULL,
    PRIMARY KEY (account_id, effective_time)
);
