-- SPEC P-1: accounts own apps (SdkAppId). Service status is per account, plus a manual per-app switch.
CREATE TABLE account (
    account_id              uuid        PRIMARY KEY,
    -- Creation order, for stable paging.
    seq                     bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    display_name            text        NOT NULL,
    billing_time_zone       text        NOT NULL,
    trial_exhaustion_policy text        NOT NULL CHECK (trial_exhaustion_policy IN ('STOP', 'CONTINUE')),
    status                  text        NOT NULL CHECK (status IN ('ACTIVE', 'ARREARS', 'SUSPENDED', 'STOPPED', 'RECLAIMED')),
    -- Account-level reason behind the status (never APP_DISABLED, which is per app).
    status_reason           text        NOT NULL CHECK (status_reason IN ('NONE', 'ARREARS_GRACE', 'SUSPENDED_ARREARS',
                                                                        'SUSPENDED_VIOLATION', 'TRIAL_EXHAUSTED', 'RECLAIMED')),
    created_time            timestamptz NOT NULL,
    updated_time            timestamptz NOT NULL
);

-- SdkAppIds look like TRTC's: ten digits from 1400000000.
CREATE SEQUENCE sdk_app_id_seq START WITH 1400000000;

CREATE TABLE app (
    sdk_app_id      bigint      PRIMARY KEY,
    account_id      uuid        NOT NULL REFERENCES account (account_id),
    name            text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('ENABLED', 'DISABLED')),
    disabled_reason text        NOT NULL DEFAULT '',
    created_time    timestamptz NOT NULL,
    updated_time    timestamptz NOT NULL
);

CREATE INDEX app_account_idx ON app (account_id, sdk_app_id);
