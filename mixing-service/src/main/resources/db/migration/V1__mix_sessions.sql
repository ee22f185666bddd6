-- SPEC M-1: MCU mix sessions. At most one live (not ENDED) session per room; ended sessions stay
-- for their end reason until purged (at least 24 h, rtcsuite.mixing.ended-retention).
-- config, streams and outputs are documents of the session (jsonb): the configuration as
-- requested with defaults filled in, the room's streams in entry order at the last relayout, and
-- the outputs in the order that MixWorkerEvent.output_index uses.
CREATE TABLE mix_session (
    session_id      text        PRIMARY KEY,
    list_seq        bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    sdk_app_id      bigint      NOT NULL,
    room_key        text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('STARTING', 'ACTIVE', 'ENDED')),
    end_reason      text        CHECK (end_reason IN ('STOPPED', 'ROOM_ENDED', 'SERVICE_STOPPED', 'FAILED')),
    failure_message text        NOT NULL,
    config          jsonb       NOT NULL,
    config_version  bigint      NOT NULL,
    streams         jsonb       NOT NULL,
    room_version    bigint      NOT NULL,
    layout_version  bigint      NOT NULL,
    layout_time     timestamptz NOT NULL,
    outputs         jsonb       NOT NULL,
    -- The usage period not yet metered (SPEC R-5): from usage_start, sequence usage_seq.
    usage_start     timestamptz NOT NULL,
    usage_seq       bigint      NOT NULL,
    create_time     timestamptz NOT NULL,
    update_time     timestamptz NOT NULL,
    end_time        timestamptz,
    CHECK ((state = 'ENDED') = (end_reason IS NOT NULL)),
    CHECK ((state = 'ENDED') = (end_time IS NOT NULL))
);

CREATE UNIQUE INDEX mix_session_live_room ON mix_session (sdk_app_id, room_key) WHERE state <> 'ENDED';
CREATE INDEX mix_session_room_recent ON mix_session (sdk_app_id, room_key, list_seq DESC);
CREATE INDEX mix_session_app_recent ON mix_session (sdk_app_id, list_seq DESC);

-- MixWorkerEvent.event_id of every applied worker report: a report sent twice is applied once.
CREATE TABLE mix_worker_event (
    event_id     text        PRIMARY KEY,
    session_id   text        NOT NULL,
    kind         text        NOT NULL,
    applied_time timestamptz NOT NULL
);

CREATE INDEX mix_worker_event_session ON mix_worker_event (session_id);

-- SPEC M-2: calls to recording-service about a session's mixed recording (input changes, stop),
-- written in the transaction of the change that asks for them and delivered in seq order by the
-- durable job mixing.recording-commands (a transactional outbox).
CREATE TABLE recording_command (
    session_id     text        NOT NULL,
    seq            bigint      NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('UPDATE_INPUTS', 'STOP')),
    task_id        text        NOT NULL,
    payload        jsonb       NOT NULL,
    created_time   timestamptz NOT NULL,
    delivered_time timestamptz,
    PRIMARY KEY (session_id, seq)
);

CREATE INDEX recording_command_undelivered ON recording_command (session_id, seq)
    WHERE delivered_time IS NULL;
