-- Rated seconds per app, 5-minute bucket and charge, summed over subjects: what bills, usage
-- queries and the deduction hand-off read. rated_usage keeps a row per base-service user (so that
-- a user's buckets can be recomputed whole), which made a day's bill read O(users × intervals)
-- rows; this table makes it O(charges × intervals) (issue #3). UsageAggregation adds each fold's
-- net change here in the fold's transaction, so it always equals rated_usage summed over subjects.
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
    -- away. The sums cannot go below 0: they are sums of rated_usage rows, which are checked.
    seconds      bigint      NOT NULL,
    PRIMARY KEY (sdk_app_id, bucket_start, item, tier, above_4k, free)
);

-- Folds running while this migrates would be missed by the copy: block them until it commits.
LOCK TABLE rated_usage IN SHARE MODE;

INSERT INTO rated_total (sdk_app_id, bucket_start, item, tier, above_4k, free, seconds)
SELECT sdk_app_id, bucket_start, item, tier, above_4k, free, sum(seconds)
FROM rated_usage
GROUP BY sdk_app_id, bucket_start, item, tier, above_4k, free;
