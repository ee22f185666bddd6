-- SPEC P-4 / R-8: each closed 5-minute interval's base-service minutes are handed to
-- package-service for deduction. The hand-off is durable work: queued here in the transaction that
-- closes the interval, delivered by whichever replica claims it (FOR UPDATE SKIP LOCKED), retried
-- with back-off until package-service acknowledges it. Rows are never deleted.
CREATE TABLE deduction_handoff (
    sdk_app_id         bigint         NOT NULL,
    billing_day        date           NOT NULL,
    tier               text           NOT NULL,
    interval_index     integer        NOT NULL CHECK (interval_index BETWEEN 0 AND 299),
    usage_minutes      bigint         NOT NULL CHECK (usage_minutes > 0),
    unit_price         numeric(20, 8) NOT NULL,
    currency           char(3)        NOT NULL,
    price_book_version text           NOT NULL,
    request_id         uuid           NOT NULL UNIQUE,
    state              text           NOT NULL CHECK (state IN ('PENDING', 'DELIVERED')),
    attempts           integer        NOT NULL DEFAULT 0,
    next_attempt_time  timestamptz    NOT NULL,
    last_error         text,
    created_time       timestamptz    NOT NULL,
    delivered_time     timestamptz,
    PRIMARY KEY (sdk_app_id, billing_day, tier, interval_index)
);

CREATE INDEX deduction_handoff_due_idx ON deduction_handoff (next_attempt_time) WHERE state = 'PENDING';

-- Per app: intervals starting before closed_until have been handed off (or had no minutes).
CREATE TABLE handoff_watermark (
    sdk_app_id   bigint      PRIMARY KEY,
    closed_until timestamptz NOT NULL
);
