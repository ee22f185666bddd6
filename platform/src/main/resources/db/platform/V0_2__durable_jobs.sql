-- Durable work (SPEC X-4, C-3, C-6, P-5/P-6): timers, outbound deliveries and scheduled steps of
-- every service, one row per (kind, key). Whichever replica claims a due row (FOR UPDATE SKIP
-- LOCKED) runs it in the transaction that marks it done, so its database effects happen once.
CREATE TABLE durable_job (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text        NOT NULL,
    job_key       text        NOT NULL,
    payload       bytea       NOT NULL,
    state         text        NOT NULL CHECK (state IN ('PENDING', 'DONE', 'DEAD', 'CANCELLED')),
    due_time      timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    created_time  timestamptz NOT NULL,
    finished_time timestamptz,
    UNIQUE (kind, job_key)
);

CREATE INDEX durable_job_due_idx ON durable_job (due_time) WHERE state = 'PENDING';
