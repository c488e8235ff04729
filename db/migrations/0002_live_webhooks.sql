-- Live console: team group robots (企业微信 / 飞书 / 钉钉) and the persistent outbox of
-- interval reports waiting to be posted to them (retried with backoff until sent).
CREATE TABLE webhook_targets (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('wecom', 'feishu', 'dingtalk')),
    name TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL,
    secret TEXT,
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);

CREATE TABLE webhook_outbox (
    id TEXT PRIMARY KEY,
    target_id TEXT NOT NULL REFERENCES webhook_targets(id),
    session_id TEXT REFERENCES sessions(id),
    event_id TEXT,
    text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX webhook_outbox_due ON webhook_outbox(status, next_attempt_at);
