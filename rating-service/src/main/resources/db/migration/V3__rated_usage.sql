-- Rated seconds per app, 5-minute bucket and charge, maintained as facts arrive, so that a day's
-- bill or a query reads O(charges × intervals) rows instead of every fact (issue #3).
-- Buckets are UTC-aligned 5-minute intervals: billing-zone offsets are whole multiples of 5 minutes,
-- so every billing day's intervals are such buckets.
-- subject: '' for value-added usage (added up); '<room>/<user>' for base service, whose rows for a
-- user are recomputed whole when a fact of that user arrives (R-3 is not additive per fact).
-- Derived data: it can be rebuilt from usage_record at any time.
CREATE TABLE rated_usage (
    sdk_app_id   bigint      NOT NULL,
    bucket_start timestamptz NOT NULL,
    item         text        NOT NULL,
    tier         text        NOT NULL,
    above_4k     boolean     NOT NULL,
    free         boolean     NOT NULL,
    subject      text        NOT NULL,
    seconds      bigint      NOT NULL CHECK (seconds >= 0),
    PRIMARY KEY (sdk_app_id, bucket_start, item, tier, above_4k, free, subject)
);

CREATE INDEX rated_usage_subject_idx ON rated_usage (sdk_app_id, subject, bucket_start);

-- Base-service facts of one user of a room, found fast for the recomputation.
CREATE INDEX usage_record_base_user_idx ON usage_record (sdk_app_id, room, user_id, start_time)
    WHERE kind IN ('PRESENCE', 'SUBSCRIPTION');
