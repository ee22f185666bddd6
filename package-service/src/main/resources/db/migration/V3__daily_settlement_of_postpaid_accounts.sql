-- SPEC P-5: every billing day of a postpaid account is settled, also a day with value-added usage
-- only. Each day's settlement job now arms the next day's; this starts that chain for accounts that
-- were postpaid before it existed: yesterday's settlement due now (unless it exists) and today's
-- due at the next 00:30 of the account's billing zone (the default settlement delay, 30 minutes).
-- Job keys are '<account>/<billing day>' as in JobKinds; an existing job is left as it is.
INSERT INTO durable_job (kind, job_key, payload, state, due_time, created_time)
SELECT 'packages.settlement',
       a.account_id || '/' || (local_day.today + d.offset_days),
       '\x'::bytea,
       'PENDING',
       greatest(now(), ((local_day.today + d.offset_days + 1)::timestamp AT TIME ZONE a.billing_time_zone)
                       + interval '30 minutes'),
       now()
FROM account a
JOIN account_standing s ON s.account_id = a.account_id
CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE a.billing_time_zone)::date AS today) local_day
CROSS JOIN (VALUES (-1), (0)) AS d (offset_days)
WHERE s.postpaid_enabled AND s.reclaimed_time IS NULL
ON CONFLICT (kind, job_key) DO NOTHING;
