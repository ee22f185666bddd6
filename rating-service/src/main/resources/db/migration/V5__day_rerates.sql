-- SPEC R-1: the only way prices change for a closed day is an explicit re-rate. Append-only: the
-- latest re-rate of an (app, day) applies.
CREATE TABLE day_rerate (
    sdk_app_id         bigint      NOT NULL,
    billing_day        date        NOT NULL,
    seq                bigint      GENERATED ALWAYS AS IDENTITY,
    -- The book the whole day is priced with; NULL: the books in force for the day.
    price_book_version text        REFERENCES price_book (version),
    rerated_time       timestamptz NOT NULL,
    PRIMARY KEY (sdk_app_id, billing_day, seq)
);
