-- SPEC C-1: per-app recording configuration; an app without a row has the defaults (off).
CREATE TABLE recording_config (
    sdk_app_id                bigint      PRIMARY KEY,
    enabled                   boolean     NOT NULL,
    mode                      text        NOT NULL CHECK (mode IN ('GLOBAL_AUTO', 'SPECIFIED_USERS')),
    formats                   text[]      NOT NULL,
    max_file_duration_minutes integer     NOT NULL CHECK (max_file_duration_minutes BETWEEN 5 AND 120),
    retention_days            integer     NOT NULL CHECK (retention_days BETWEEN 0 AND 1800),
    resume_timeout_seconds    integer     NOT NULL CHECK (resume_timeout_seconds BETWEEN 0 AND 300),
    storage_sub_app           text        NOT NULL,
    callback_url              text        NOT NULL,
    -- write-only HMAC-SHA256 key of callback signatures; NULL = none
    callback_signing_key      text,
    update_time               timestamptz NOT NULL
);

-- SPEC C-2: the published streams of each room, from the media plane's stream events. The state
-- is a document (jsonb) read whole by WatchRoomStreams; version rises with each change.
CREATE TABLE room_state (
    sdk_app_id  bigint      NOT NULL,
    room_key    text        NOT NULL,
    state       jsonb       NOT NULL,
    version     bigint      NOT NULL,
    live        boolean     NOT NULL,
    update_time timestamptz NOT NULL,
    PRIMARY KEY (sdk_app_id, room_key)
);

CREATE INDEX room_state_live ON room_state (sdk_app_id) WHERE live;

-- Producer event ids applied (StreamEvent, RecorderEvent): an event reported twice is applied once.
CREATE TABLE applied_event (
    source       text        NOT NULL CHECK (source IN ('STREAM', 'RECORDER')),
    event_id     text        NOT NULL,
    applied_time timestamptz NOT NULL,
    PRIMARY KEY (source, event_id)
);

-- SPEC C-3: recording tasks. The task (spec and progress) is a document; the columns are what
-- queries and the uniqueness rules need. Ended tasks stay (queryable with their end reason).
CREATE TABLE recording_task (
    task_id        text        PRIMARY KEY,
    list_seq       bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    sdk_app_id     bigint      NOT NULL,
    room_key       text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('SINGLE_STREAM', 'MIXED')),
    state          text        NOT NULL
        CHECK (state IN ('PENDING', 'RECORDING', 'INTERRUPTED', 'FINALIZING', 'COMPLETED', 'FAILED')),
    user_id        text        NOT NULL,
    stream_type    text        NOT NULL,
    record_id      text        NOT NULL,
    mix_session_id text        NOT NULL,
    -- IANA zone of the account's billing day at creation: file names use it (SPEC C-4)
    billing_zone   text        NOT NULL,
    task           jsonb       NOT NULL,
    -- the usage meter (SPEC C-7): inputs being metered and the next segment number
    meter          jsonb       NOT NULL,
    create_time    timestamptz NOT NULL,
    update_time    timestamptz NOT NULL,
    end_time       timestamptz
);

-- one recording per anchor stream while the recorder may still write it
CREATE UNIQUE INDEX recording_task_live_stream ON recording_task (sdk_app_id, room_key, user_id, stream_type)
    WHERE kind = 'SINGLE_STREAM' AND state IN ('PENDING', 'RECORDING', 'INTERRUPTED');
-- one mixed recording per record_id until it has ended
CREATE UNIQUE INDEX recording_task_live_record_id ON recording_task (sdk_app_id, record_id)
    WHERE kind = 'MIXED' AND state NOT IN ('COMPLETED', 'FAILED');
CREATE INDEX recording_task_room ON recording_task (sdk_app_id, room_key) WHERE end_time IS NULL;
CREATE INDEX recording_task_app_recent ON recording_task (sdk_app_id, list_seq DESC);
CREATE INDEX recording_task_active ON recording_task (state) WHERE end_time IS NULL;

-- SPEC C-5: the media index. list_seq orders files by creation (ties of create_time broken), so
-- pages stay stable while files are added.
CREATE TABLE media_file (
    file_id               text        PRIMARY KEY,
    list_seq              bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    task_id               text        NOT NULL REFERENCES recording_task (task_id),
    file_sequence         integer     NOT NULL,
    format                text        NOT NULL CHECK (format IN ('HLS', 'MP4', 'FLV', 'AAC')),
    name                  text        NOT NULL,
    sdk_app_id            bigint      NOT NULL,
    room_key              text        NOT NULL,
    user_id               text        NOT NULL,
    stream_type           text        NOT NULL,
    stream_id             text        NOT NULL,
    user_define_record_id text        NOT NULL,
    record_id             text        NOT NULL,
    start_time            timestamptz NOT NULL,
    end_time              timestamptz NOT NULL,
    duration_millis       bigint      NOT NULL,
    size_bytes            bigint      NOT NULL,
    storage_url           text        NOT NULL,
    storage_sub_app       text        NOT NULL,
    expire_time           timestamptz,
    state                 text        NOT NULL CHECK (state IN ('AVAILABLE', 'UPLOAD_RETRYING', 'DELETED')),
    create_time           timestamptz NOT NULL,
    delete_time           timestamptz,
    UNIQUE (task_id, file_sequence, format)
);

CREATE INDEX media_file_app_seq ON media_file (sdk_app_id, list_seq) WHERE state <> 'DELETED';
CREATE INDEX media_file_name ON media_file (sdk_app_id, name text_pattern_ops) WHERE state <> 'DELETED';
CREATE INDEX media_file_stream ON media_file (sdk_app_id, stream_id) WHERE state <> 'DELETED';
CREATE INDEX media_file_expiry ON media_file (expire_time) WHERE state <> 'DELETED' AND expire_time IS NOT NULL;

-- SPEC C-7: recorder input time per task and stream, append-only; handed to rating-service by
-- the durable job recording.usage-report under each segment's idempotency key.
CREATE TABLE usage_segment (
    task_id      text        NOT NULL REFERENCES recording_task (task_id),
    seq          bigint      NOT NULL,
    sdk_app_id   bigint      NOT NULL,
    segment      jsonb       NOT NULL,
    created_time timestamptz NOT NULL,
    PRIMARY KEY (task_id, seq)
);

-- SPEC C-6: callback events, written in the transaction of the change they report (a
-- transactional outbox) and delivered by the durable job recording.callback (key
-- delivery:generation; RedeliverCallback starts a new generation). The body and event id never
-- change; each attempt is signed with the app's key of the moment.
CREATE TABLE callback_delivery (
    delivery_id       text        PRIMARY KEY,
    list_seq          bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    event_id          text        NOT NULL UNIQUE,
    sdk_app_id        bigint      NOT NULL,
    event_type        text        NOT NULL,
    task_id           text        NOT NULL,
    file_id           text        NOT NULL,
    url               text        NOT NULL,
    state             text        NOT NULL CHECK (state IN ('PENDING', 'RETRYING', 'DELIVERED', 'DEAD_LETTER')),
    generation        integer     NOT NULL,
    attempt_count     integer     NOT NULL,
    last_attempt_time timestamptz,
    last_http_status  integer     NOT NULL,
    last_error        text        NOT NULL,
    payload_json      text        NOT NULL,
    create_time       timestamptz NOT NULL,
    deliver_time      timestamptz
);

CREATE INDEX callback_delivery_app_recent ON callback_delivery (sdk_app_id, list_seq DESC);
