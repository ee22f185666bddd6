-- SPEC P-2 … P-7: packages, the deduction ledger, money, settlement, refunds and the service
-- standing. Ledger tables (deduction, deduction_part, ledger_entry, statement, account_notice,
-- standing_change) are append-only: nothing updates or deletes their rows except the reclaim purge.

-- The facts behind an account's status (domain ServiceStanding). Its row is also the account's
-- lock: every change of packages or money of an account first locks this row (SELECT … FOR
-- UPDATE), then its packages in package_id order, so concurrent deductions serialize per account
-- and never deadlock.
CREATE TABLE account_standing (
    account_id          uuid        PRIMARY KEY REFERENCES account (account_id),
    postpaid_enabled    boolean     NOT NULL DEFAULT false,
    stopped_for_trial   boolean     NOT NULL DEFAULT false,
    arrears_since       timestamptz,
    arrears_suspended   boolean     NOT NULL DEFAULT false,
    violation_time      timestamptz,
    violation_reason    text        NOT NULL DEFAULT '',
    reclaimed_time      timestamptz,
    settlement_cycle    text        NOT NULL DEFAULT 'DAILY' CHECK (settlement_cycle IN ('DAILY', 'MONTHLY')),
    enterprise_verified boolean     NOT NULL DEFAULT false,
    first_app_time      timestamptz
);

CREATE TABLE offer (
    offer_id          uuid          PRIMARY KEY,
    display_name      text          NOT NULL,
    minutes           bigint        NOT NULL CHECK (minutes > 0),
    price             numeric(20,2) NOT NULL CHECK (price >= 0),
    validity_months   integer       NOT NULL,
    eligibility_rules text[]        NOT NULL,
    sales_start_time  timestamptz   NOT NULL,
    sales_end_time    timestamptz,
    refundable        boolean       NOT NULL,
    create_time       timestamptz   NOT NULL
);

CREATE TABLE prepaid_package (
    package_id        uuid          PRIMARY KEY,
    account_id        uuid          NOT NULL REFERENCES account (account_id),
    kind              text          NOT NULL CHECK (kind IN ('FREE_TRIAL', 'GENERAL', 'OFFER', 'GIFT', 'CONVERTED')),
    display_name      text          NOT NULL,
    total_minutes     bigint        NOT NULL CHECK (total_minutes > 0),
    -- Never below zero, whatever the concurrency (SPEC P-4): the last line of defence.
    remaining_minutes bigint        NOT NULL CHECK (remaining_minutes >= 0 AND remaining_minutes <= total_minutes),
    price             numeric(20,2) NOT NULL,
    per_minute_price  numeric(20,8),
    fixed_size        text,
    offer_id          uuid          REFERENCES offer (offer_id),
    refundable        boolean       NOT NULL,
    paid_cash         numeric(20,2) NOT NULL,
    paid_income       numeric(20,2) NOT NULL,
    paid_gift         numeric(20,2) NOT NULL,
    paid_voucher      numeric(20,2) NOT NULL,
    purchase_time     timestamptz   NOT NULL,
    activation_time   timestamptz   NOT NULL,
    first_day         date          NOT NULL,
    last_day          date          NOT NULL,
    expire_time       timestamptz   NOT NULL,
    activated         boolean       NOT NULL,
    refund_hold       text          NOT NULL CHECK (refund_hold IN ('NONE', 'PENDING', 'REFUNDED')),
    refund_id         uuid,
    note              text          NOT NULL,
    -- Minutes forfeited at expiry (SPEC P-3); 0 until the expiry job runs.
    forfeited_minutes bigint        NOT NULL DEFAULT 0,
    update_time       timestamptz   NOT NULL
);

CREATE INDEX prepaid_package_account_idx ON prepaid_package (account_id, expire_time, purchase_time, package_id);

-- One application of usage to packages (SPEC P-4). postpaid_* is the part no package covered, as
-- an exact fraction of usage minutes (numerator/denominator) and rounded for reading.
CREATE TABLE deduction (
    deduction_id        uuid          PRIMARY KEY,
    seq                 bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    account_id          uuid          NOT NULL REFERENCES account (account_id),
    sdk_app_id          bigint        NOT NULL,
    billing_day         date          NOT NULL,
    item                text          NOT NULL CHECK (item = 'BASE_SERVICE'),
    tier                text          NOT NULL,
    interval_index      integer       NOT NULL CHECK (interval_index BETWEEN 0 AND 299),
    kind                text          NOT NULL CHECK (kind IN ('INTERVAL', 'ACTIVATION_CATCH_UP')),
    usage_minutes       bigint        NOT NULL CHECK (usage_minutes >= 0),
    postpaid_numerator   bigint       NOT NULL,
    postpaid_denominator bigint       NOT NULL CHECK (postpaid_denominator > 0),
    postpaid_minutes    numeric(24,8) NOT NULL,
    postpaid_amount     numeric(24,8) NOT NULL,
    unit_price          numeric(20,8) NOT NULL,
    currency            char(3)       NOT NULL,
    price_book_version  text          NOT NULL,
    create_time         timestamptz   NOT NULL
);

-- Idempotent per (app, day, item, tier, interval): a repeat finds the first deduction.
CREATE UNIQUE INDEX deduction_usage_key_uq ON deduction (sdk_app_id, billing_day, item, tier, interval_index)
    WHERE kind = 'INTERVAL';
CREATE INDEX deduction_account_day_idx ON deduction (account_id, billing_day);

-- The package that funded (part of) a deduction, with its minutes before and after.
CREATE TABLE deduction_part (
    deduction_id      uuid    NOT NULL REFERENCES deduction (deduction_id),
    position          integer NOT NULL,
    package_id        uuid    NOT NULL REFERENCES prepaid_package (package_id),
    ratio             integer NOT NULL CHECK (ratio > 0),
    package_minutes   bigint  NOT NULL CHECK (package_minutes > 0),
    usage_numerator   bigint  NOT NULL,
    usage_denominator bigint  NOT NULL CHECK (usage_denominator > 0),
    minutes_before    bigint  NOT NULL,
    minutes_after     bigint  NOT NULL CHECK (minutes_after >= 0),
    PRIMARY KEY (deduction_id, position)
);

CREATE INDEX deduction_part_package_idx ON deduction_part (package_id);

-- Money per account and currency (SPEC P-5). Only cash may go negative.
CREATE TABLE balance (
    account_id      uuid          NOT NULL REFERENCES account (account_id),
    currency        char(3)       NOT NULL,
    cash            numeric(20,2) NOT NULL,
    income_transfer numeric(20,2) NOT NULL CHECK (income_transfer >= 0),
    gift            numeric(20,2) NOT NULL CHECK (gift >= 0),
    PRIMARY KEY (account_id, currency)
);

CREATE TABLE ledger_entry (
    entry_id           uuid          PRIMARY KEY,
    seq                bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    account_id         uuid          NOT NULL REFERENCES account (account_id),
    kind               text          NOT NULL CHECK (kind IN ('TOP_UP', 'PACKAGE_PURCHASE', 'PACKAGE_REFUND', 'POSTPAID_SETTLEMENT')),
    fund               text          NOT NULL CHECK (fund IN ('CASH', 'INCOME_TRANSFER', 'GIFT')),
    currency           char(3)       NOT NULL,
    amount             numeric(20,2) NOT NULL,
    fund_balance_after numeric(20,2) NOT NULL,
    package_id         uuid,
    refund_id          uuid,
    statement_id       uuid,
    request_id         text          NOT NULL DEFAULT '',
    external_reference text          NOT NULL DEFAULT '',
    create_time        timestamptz   NOT NULL
);

CREATE INDEX ledger_entry_account_idx ON ledger_entry (account_id, seq);

-- A billing day is settled once per account (SPEC P-5).
CREATE TABLE settled_day (
    account_id  uuid        NOT NULL REFERENCES account (account_id),
    billing_day date        NOT NULL,
    settle_time timestamptz NOT NULL,
    PRIMARY KEY (account_id, billing_day)
);

CREATE TABLE statement (
    statement_id      uuid          PRIMARY KEY,
    seq               bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    account_id        uuid          NOT NULL REFERENCES account (account_id),
    kind              text          NOT NULL CHECK (kind IN ('DAILY', 'MONTHLY')),
    start_day         date          NOT NULL,
    end_day           date          NOT NULL,
    state             text          NOT NULL CHECK (state IN ('SETTLED', 'INFORMATIONAL')),
    currency          char(3)       NOT NULL,
    total_amount      numeric(24,8) NOT NULL,
    charged_amount    numeric(20,2) NOT NULL,
    balance_after     numeric(20,2),
    arrears_triggered boolean       NOT NULL,
    settle_time       timestamptz   NOT NULL,
    -- An INFORMATIONAL daily statement is charged later by a period statement (MONTHLY cycle).
    charged_by        uuid          REFERENCES statement (statement_id)
);

CREATE INDEX statement_account_idx ON statement (account_id, start_day);

CREATE TABLE statement_line (
    statement_id uuid          NOT NULL REFERENCES statement (statement_id),
    position     integer       NOT NULL,
    sdk_app_id   bigint        NOT NULL,
    item         text          NOT NULL,
    tier         text,
    above_4k     boolean       NOT NULL,
    quantity     numeric(24,8) NOT NULL,
    amount       numeric(24,8) NOT NULL,
    PRIMARY KEY (statement_id, position)
);

CREATE TABLE refund (
    refund_id            uuid          PRIMARY KEY,
    seq                  bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    account_id           uuid          NOT NULL REFERENCES account (account_id),
    package_id           uuid          NOT NULL REFERENCES prepaid_package (package_id),
    state                text          NOT NULL CHECK (state IN ('PENDING_REVIEW', 'APPROVED', 'REJECTED')),
    reason               text          NOT NULL,
    rejection_reason     text          NOT NULL,
    refund_cash          numeric(20,2) NOT NULL,
    refund_income        numeric(20,2) NOT NULL,
    refund_gift          numeric(20,2) NOT NULL,
    request_time         timestamptz   NOT NULL,
    review_deadline_time timestamptz   NOT NULL,
    decide_time          timestamptz,
    reviewer             text          NOT NULL
);

CREATE UNIQUE INDEX refund_one_pending_uq ON refund (package_id) WHERE state = 'PENDING_REVIEW';
CREATE INDEX refund_account_idx ON refund (account_id, seq);

CREATE TABLE account_notice (
    notice_id     uuid          PRIMARY KEY,
    seq           bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    account_id    uuid          NOT NULL REFERENCES account (account_id),
    kind          text          NOT NULL,
    message       text          NOT NULL,
    deadline_time timestamptz,
    balance       numeric(20,2) NOT NULL,
    create_time   timestamptz   NOT NULL
);

CREATE INDEX account_notice_account_idx ON account_notice (account_id, seq);

-- Every status change of an account: the audit trail of the standing machine.
CREATE TABLE standing_change (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES account (account_id),
    status      text        NOT NULL,
    reason      text        NOT NULL,
    cause       text        NOT NULL,
    change_time timestamptz NOT NULL
);

CREATE INDEX standing_change_account_idx ON standing_change (account_id, seq);

-- Standing rows of accounts opened before this migration.
INSERT INTO account_standing (account_id) SELECT account_id FROM account;
