-- SPEC R-8: every usage fact as received, append-only, once per (app, idempotency key).
-- One wide table: the columns a kind does not use stay NULL (see the CHECKs).
CREATE TABLE usage_record (
    sdk_app_id      bigint      NOT NULL,
    idempotency_key text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('PRESENCE', 'SUBSCRIPTION', 'RECORDING_SEGMENT',
                                                         'MIX_TRANSCODE_SEGMENT', 'IN_CLASS_RECORDING_SEGMENT',
                                                         'LEGACY_RECORDING_PEAK', 'STORAGE', 'PLAYBACK_TRAFFIC')),
    -- When the usage happened: [start_time, end_time), whole seconds. NULL for day/month facts.
    start_time      timestamptz,
    end_time        timestamptz,
    -- STORAGE: the billing day; LEGACY_RECORDING_PEAK: the first day of the month.
    usage_date      date,
    -- PRESENCE / SUBSCRIPTION: 'n:<number>' or 's:<string>' room id.
    room            text,
    -- The user: present, receiving, recorded/mixed input, or in-class camera.
    user_id         text,
    sender_user_id  text,
    stream_type     text        CHECK (stream_type IN ('MAIN', 'AUX')),
    width           integer     CHECK (width BETWEEN 0 AND 16384),
    height          integer     CHECK (height BETWEEN 0 AND 16384),
    -- Recording task, mix session or class.
    subject_id      text,
    recording_type  text        CHECK (recording_type IN ('SINGLE_STREAM', 'MIXED_STREAM')),
    input_role      text        CHECK (input_role IN ('STREAM', 'AGGREGATED_AUDIO', 'PADDING')),
    output_codec    text        CHECK (output_codec IN ('H264', 'H265')),
    video_type      text,
    resume_wait     boolean,
    format_count    integer     CHECK (format_count BETWEEN 1 AND 4),
    -- STORAGE / PLAYBACK_TRAFFIC: bytes; LEGACY_RECORDING_PEAK: peak channels.
    quantity        bigint      CHECK (quantity >= 0),
    received_time   timestamptz NOT NULL,
    PRIMARY KEY (sdk_app_id, idempotency_key),
    CHECK (end_time > start_time)
);

-- A day's facts: those starting at most 24 h before the day ends (no fact spans more than 24 h).
CREATE INDEX usage_record_app_start_idx ON usage_record (sdk_app_id, start_time);
CREATE INDEX usage_record_app_date_idx ON usage_record (sdk_app_id, usage_date);
