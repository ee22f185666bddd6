-- Only quantity facts (legacy peaks, storage, playback traffic) are read by app and time or date
-- (UsageRecordRepository.quantitiesTouching); base-service and segment facts, the bulk of the log,
-- are read by user (usage_record_base_user_idx) or by key. Indexing them by time and date as well
-- cost two more index entries per stored fact.
DROP INDEX usage_record_app_start_idx;
DROP INDEX usage_record_app_date_idx;

CREATE INDEX usage_record_quantity_start_idx ON usage_record (sdk_app_id, start_time)
    WHERE kind IN ('LEGACY_RECORDING_PEAK', 'STORAGE', 'PLAYBACK_TRAFFIC');
CREATE INDEX usage_record_quantity_date_idx ON usage_record (sdk_app_id, usage_date)
    WHERE kind IN ('LEGACY_RECORDING_PEAK', 'STORAGE', 'PLAYBACK_TRAFFIC');
