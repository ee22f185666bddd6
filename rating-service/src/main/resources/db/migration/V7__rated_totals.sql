-- Rated seconds per app, 5-minute bucket and charge, summed over subjects: what bills, usage
-- queries and the deduction hand-off read. rated_usage keeps a row per base-service user (so that
-- a user's buckets can be recomputed whole), which made a day's bill read O(users × intervals)
-- rows; this table makes it O(charges × intervals) (issue #3). UsageAggregation adds each fold's
-- net change here in the fold's transaction: base service as rated_usage changed, summed over its
-- subjects, and value-added usage, which is kept here only from now on.
-- A cell whose seconds all moved elsewhere (audio that became video) stays, at 0: readers skip it.
CREATE TABLE rated_total (
    sdk_app_id   bigint      NOT NULL,
    bucket_start timestamptz NOT NULL,
    item         text        NOT NULL,
    tier         text        NOT NULL,
    above_4k     boolean     NOT NULL,
    free         boolean     NOT NULL,
    -- No CHECK (seconds >= 0): PostgreSQL checks the proposed row of INSERT … ON CONFLICT DO
    -- UPDATE before it finds the conflict, and a fold's change is negative where seconds moved
    -- away. The sums cannot go below 0: they add up rated_usage rows (checked) and value-added
    -- seconds (never negative).
    seconds      bigint      NOT NULL,
    PRIMARY KEY (sdk_app_id, bucket_start, item, tier, above_4k, free)
);

-- Folds running while this migrates would be missed by the copy: block them until it commits.
LOCK TABLE rated_usage IN SHARE MODE;

INSERT INTO rated_total (sdk_app_id, bucket_start, item, tier, above_4k, free, seconds)
SELECT sdk_app_id, bucket_start, item, tier, above_4k, free, sum(seconds)
FROM rated_usage
GROUP BY sdk_app_id, bucket_start, item, tier, above_4k, free;

-- rated_usage is now read and written per subject only (a user's buckets, recomputed whole): one
-- index by subject serves that and keeps the rows unique; the key by bucket first served readers
-- that read rated_total now, and cost every fold a second index entry per row.
ALTER TABLE rated_usage DROP CONSTRAINT rated_usage_pkey;
DROP INDEX rated_usage_subject_idx;
ALTER TABLE rated_usage ADD PRIMARY KEY (sdk_app_id, subject, bucket_start, item, tier, above_4k, free);
