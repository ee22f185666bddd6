-- DoneJobs.purge deletes the done jobs of a kind finished before a time, oldest first.
CREATE INDEX durable_job_done_kind_idx ON durable_job (kind, finished_time) WHERE state = 'DONE';
