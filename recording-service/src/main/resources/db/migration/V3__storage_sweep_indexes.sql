-- The hourly storage sweep (StorageTotals) reads files by state: every index by app above leaves
-- DELETED files out, so without these it read every file ever indexed. A DELETED file always has
-- its delete_time (set in the same statement).

-- the files deleted within the days swept, per app (byteSecondsKept)
CREATE INDEX media_file_deleted ON media_file (sdk_app_id, delete_time) WHERE state = 'DELETED';
-- the files deleted within the days swept, of all apps (appsWithFiles)
CREATE INDEX media_file_deleted_time ON media_file (delete_time) WHERE state = 'DELETED';
-- the stored files (appsWithFiles); with state <> 'DELETED' a planner without statistics expects
-- nearly every row and reads the whole table instead
CREATE INDEX media_file_available ON media_file (sdk_app_id, task_id) WHERE state = 'AVAILABLE';
