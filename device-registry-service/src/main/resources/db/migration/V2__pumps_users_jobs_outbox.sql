-- Heat pumps and what hangs off them (PLAN.md 1.2), users and tokens, the write audit log, job runs and the outbox.

CREATE TABLE heatpumps (
    id                VARCHAR(16)  PRIMARY KEY,            -- hp- + 8 hex, or hp-legacy
    name              VARCHAR(100) NOT NULL,
    manufacturer      VARCHAR(32)  NOT NULL,
    model             VARCHAR(64)  NOT NULL,
    connection_config TEXT         NOT NULL,               -- JSON: host, port, unit_id, timeout_ms, retries
    device_config     TEXT         NOT NULL DEFAULT '{}',  -- JSON, manufacturer-specific
    poll_interval_s   INTEGER      NOT NULL,
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    share_data        BOOLEAN      NOT NULL DEFAULT FALSE,
    demo              BOOLEAN      NOT NULL DEFAULT FALSE, -- registered by the local run's demo mode
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);

-- Latest heatpump.status record per pump (no foreign key: the status topic may mention pumps before or after us).
CREATE TABLE heatpump_status (
    heatpump_id        VARCHAR(16) PRIMARY KEY,
    connected          BOOLEAN     NOT NULL,
    consecutive_errors INTEGER     NOT NULL,
    last_error         TEXT,                               -- JSON error object of the status contract
    last_success_at    TIMESTAMPTZ,
    last_reading_at    TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE dashboards (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,                      -- display name (English where the config gives two)
    heatpump_id VARCHAR(16)  REFERENCES heatpumps (id) ON DELETE CASCADE, -- NULL = overview
    config      TEXT         NOT NULL,                      -- JSON, docs/contracts/dashboard.schema.json
    position    INTEGER      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dashboards_heatpump ON dashboards (heatpump_id);

CREATE TABLE alerts (
    id               VARCHAR(36)      PRIMARY KEY,
    heatpump_id      VARCHAR(16)      REFERENCES heatpumps (id) ON DELETE CASCADE, -- NULL = every pump
    name             VARCHAR(100),
    sensor           VARCHAR(64)      NOT NULL,
    condition        VARCHAR(2)       NOT NULL CHECK (condition IN ('<', '>', '=', '!=', '<=', '>=')),
    threshold        DOUBLE PRECISION NOT NULL,
    interval_seconds INTEGER          NOT NULL CHECK (interval_seconds > 0),
    enabled          BOOLEAN          NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMPTZ      NOT NULL,
    updated_at       TIMESTAMPTZ      NOT NULL
);
CREATE INDEX alerts_heatpump ON alerts (heatpump_id);

-- Scheduled writes: at time_of_day on the listed weekdays in time_zone, write value to sensor of the pump.
CREATE TABLE jobs (
    id          VARCHAR(36)  PRIMARY KEY,
    heatpump_id VARCHAR(16)  NOT NULL REFERENCES heatpumps (id) ON DELETE CASCADE,
    name        VARCHAR(100),
    sensor      VARCHAR(64)  NOT NULL,
    value       TEXT         NOT NULL,                      -- JSON scalar
    time_of_day VARCHAR(8)   NOT NULL,                      -- HH:MM or HH:MM:SS, local time
    days        VARCHAR(27)  NOT NULL,                      -- mon,tue,...
    time_zone   VARCHAR(64)  NOT NULL,                      -- IANA zone
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX jobs_heatpump ON jobs (heatpump_id);

-- One row per job and scheduled instant: the unique key makes several registry replicas run a job once.
CREATE TABLE job_runs (
    id            VARCHAR(36)  PRIMARY KEY,
    job_id        VARCHAR(36)  NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    scheduled_for TIMESTAMPTZ  NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    command_id    VARCHAR(36),
    outcome       VARCHAR(32)  NOT NULL,                    -- sent, failed, or the command's outcome
    detail        TEXT,
    UNIQUE (job_id, scheduled_for)
);
CREATE INDEX job_runs_command ON job_runs (command_id);

CREATE TABLE roles (
    name        VARCHAR(16)  PRIMARY KEY,
    rank        INTEGER      NOT NULL UNIQUE,               -- a role includes every role of lower rank
    description VARCHAR(200) NOT NULL
);
INSERT INTO roles (name, rank, description) VALUES
    ('viewer', 1, 'read everything'),
    ('operator', 2, 'viewer + writes to pumps, dashboards, alert rules and jobs'),
    ('admin', 3, 'operator + pumps, users, API tokens and imports');

CREATE TABLE users (
    id                  VARCHAR(36)  PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL UNIQUE,
    password_hash       VARCHAR(100) NOT NULL,              -- bcrypt
    role                VARCHAR(16)  NOT NULL REFERENCES roles (name),
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    password_changed_at TIMESTAMPTZ  NOT NULL
);

-- API tokens for integrations: the token itself is shown once; only its SHA-256 is kept.
CREATE TABLE api_tokens (
    id         VARCHAR(36)  PRIMARY KEY,                    -- the token's jti
    name       VARCHAR(100) NOT NULL,
    role       VARCHAR(16)  NOT NULL REFERENCES roles (name),
    token_hash CHAR(64)     NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    revoked_at TIMESTAMPTZ
);

-- Commands sent to heatpump.commands and their outcome from heatpump.command-results.
CREATE TABLE commands (
    command_id      VARCHAR(36)  PRIMARY KEY,
    heatpump_id     VARCHAR(16)  NOT NULL,                  -- no foreign key: history outlives the pump
    sensor          VARCHAR(64)  NOT NULL,
    value           TEXT         NOT NULL,                  -- JSON scalar
    requested_by    VARCHAR(200) NOT NULL,
    source          VARCHAR(8)   NOT NULL,
    requested_at    TIMESTAMPTZ  NOT NULL,
    outcome         VARCHAR(32)  NOT NULL,                  -- pending until the result arrives
    reason          TEXT,
    old_value       TEXT,
    read_back_value TEXT,
    completed_at    TIMESTAMPTZ
);
CREATE INDEX commands_heatpump ON commands (heatpump_id);

-- Every write through the API: who, what, old and new value, outcome.
CREATE TABLE audit_log (
    id          BIGSERIAL    PRIMARY KEY,
    at          TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    target_type VARCHAR(32)  NOT NULL,
    target_id   VARCHAR(64),
    heatpump_id VARCHAR(16),
    field       VARCHAR(64),
    old_value   TEXT,
    new_value   TEXT,
    outcome     VARCHAR(32)  NOT NULL,
    command_id  VARCHAR(36)
);
CREATE INDEX audit_log_heatpump ON audit_log (heatpump_id);
CREATE INDEX audit_log_command ON audit_log (command_id);

-- Transactional outbox: rows are written in the transaction of the change and relayed to Kafka in id order.
CREATE TABLE outbox (
    id         BIGSERIAL    PRIMARY KEY,
    topic      VARCHAR(249) NOT NULL,
    record_key VARCHAR(200) NOT NULL,
    payload    TEXT,                                        -- NULL = tombstone
    created_at TIMESTAMPTZ  NOT NULL
);

-- Which replica relays the outbox (one at a time keeps the order per pump).
CREATE TABLE outbox_lease (
    id         INTEGER      PRIMARY KEY CHECK (id = 1),
    holder     VARCHAR(64),
    expires_at TIMESTAMPTZ  NOT NULL
);
INSERT INTO outbox_lease (id, holder, expires_at) VALUES (1, NULL, TIMESTAMPTZ 'epoch');

-- One-time imports and registrations (legacy export, demo pumps): the row makes them happen exactly once.
CREATE TABLE imports (
    name        VARCHAR(100) PRIMARY KEY,
    imported_at TIMESTAMPTZ  NOT NULL,
    report      TEXT
);
