-- DurableJobs.oldestPending (how far behind a kind of work is) runs every few seconds; without
-- this index it read every job of the kind ever run (done jobs stay as the record of their run).
CREATE INDEX durable_job_pending_kind_idx ON durable_job (kind, created_time) WHERE state = 'PENDING';
