-- Request-id idempotency (SPEC X-2, AIP-155): the first answer to every mutating RPC, keyed by
-- method and request id. Shared by all services; their own migrations start at V1.
CREATE TABLE request_id (
    method       text        NOT NULL,
    request_id   text        NOT NULL,
    fingerprint  bytea       NOT NULL,
    response     bytea,
    created_time timestamptz NOT NULL,
    PRIMARY KEY (method, request_id)
);
