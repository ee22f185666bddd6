-- What the test handlers write, so that tests can count effects that committed.
CREATE TABLE job_effect (
    job_key text        NOT NULL,
    runner  text        NOT NULL,
    written timestamptz NOT NULL DEFAULT now()
);
