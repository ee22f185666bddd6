-- SPEC R-7, C-7: storage is charged for the time each file is kept in storage, from when it was
-- stored (AVAILABLE) until it is deleted; a file whose upload is still being retried is not stored
-- yet. Files indexed before this column existed count from their indexing, as they did.
ALTER TABLE media_file ADD COLUMN store_time timestamptz;
UPDATE media_file SET store_time = create_time WHERE state <> 'UPLOAD_RETRYING';
