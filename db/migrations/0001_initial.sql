-- LiveOps Desk workspace schema, version 1. Documented in db/README.md.
-- Ids are UUID text; timestamps UTC ISO-8601 with ms and Z; money integer minor units.

CREATE TABLE workspace (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    default_timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    default_currency TEXT NOT NULL DEFAULT 'CNY',
    default_person_id TEXT,
    app_id TEXT NOT NULL DEFAULT 'liveops-desk',
    created_at TEXT NOT NULL,
    settings_json TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role TEXT NOT NULL CHECK (role IN ('specialist', 'lead')),
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);

CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);

CREATE TABLE anchors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    platform TEXT NOT NULL CHECK (platform IN ('douyin', 'kuaishou', 'taobao', 'tiktok', 'wechat_channels', 'other')),
    account_id TEXT,
    client_id TEXT REFERENCES clients(id),
    timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);
CREATE UNIQUE INDEX anchors_platform_account ON anchors(platform, account_id) WHERE account_id IS NOT NULL;

CREATE TABLE assignments (
    id TEXT PRIMARY KEY,
    anchor_id TEXT NOT NULL REFERENCES anchors(id),
    specialist_id TEXT NOT NULL REFERENCES people(id),
    from_utc TEXT NOT NULL,
    to_utc TEXT,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    CHECK (to_utc IS NULL OR to_utc >= from_utc)
);
-- Exactly one active specialist per anchor, enforced by the database itself.
CREATE UNIQUE INDEX assignments_one_active ON assignments(anchor_id) WHERE to_utc IS NULL;

CREATE TABLE checklist_templates (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by TEXT,
    UNIQUE (family_id, version)
);

CREATE TABLE template_items (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL REFERENCES checklist_templates(id),
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('pre', 'live', 'post')),
    text_zh TEXT NOT NULL,
    text_en TEXT NOT NULL,
    trigger_json TEXT NOT NULL,
    required INTEGER NOT NULL,
    owner_role TEXT NOT NULL CHECK (owner_role IN ('specialist', 'anchor', 'live_controller', 'customer_service', 'lead')),
    client_visible INTEGER NOT NULL DEFAULT 0,
    fields_json TEXT NOT NULL DEFAULT '[]',
    serves_json TEXT NOT NULL DEFAULT '[]',
    ticked_by TEXT,
    retired INTEGER NOT NULL DEFAULT 0,
    UNIQUE (template_id, key)
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    anchor_id TEXT NOT NULL REFERENCES anchors(id),
    specialist_id TEXT NOT NULL REFERENCES people(id),
    client_id TEXT REFERENCES clients(id),
    platform TEXT NOT NULL CHECK (platform IN ('douyin', 'kuaishou', 'taobao', 'tiktok', 'wechat_channels', 'other')),
    title TEXT NOT NULL,
    timezone TEXT NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'pre', 'live', 'post', 'closed', 'cancelled')),
    origin TEXT NOT NULL CHECK (origin IN ('planned', 'started_now', 'imported')),
    scheduled_start_utc TEXT,
    scheduled_end_utc TEXT,
    on_air_utc TEXT,
    off_air_utc TEXT,
    template_id TEXT REFERENCES checklist_templates(id),
    template_version INTEGER,
    gmv_basis TEXT NOT NULL DEFAULT 'paid',
    attribution_window TEXT,
    refund_reason_set TEXT NOT NULL DEFAULT 'v1',
    cancel_reason TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT,
    modified_at TEXT NOT NULL,
    CHECK (scheduled_end_utc IS NULL OR scheduled_start_utc IS NULL OR scheduled_end_utc > scheduled_start_utc),
    CHECK (off_air_utc IS NULL OR on_air_utc IS NULL OR off_air_utc >= on_air_utc)
);
CREATE INDEX sessions_anchor_start ON sessions(anchor_id, scheduled_start_utc);
CREATE INDEX sessions_status ON sessions(status);

CREATE TABLE session_targets (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    metric_key TEXT NOT NULL,
    value REAL NOT NULL CHECK (value >= 0),
    direction TEXT NOT NULL CHECK (direction IN ('min', 'max')),
    modified_at TEXT NOT NULL,
    PRIMARY KEY (session_id, metric_key)
);

-- The snapshot of checklist items a session uses (template version + ad-hoc items).
CREATE TABLE session_items (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('pre', 'live', 'post')),
    text_zh TEXT NOT NULL,
    text_en TEXT NOT NULL,
    trigger_json TEXT NOT NULL,
    required INTEGER NOT NULL,
    owner_role TEXT NOT NULL,
    client_visible INTEGER NOT NULL DEFAULT 0,
    fields_json TEXT NOT NULL DEFAULT '[]',
    serves_json TEXT NOT NULL DEFAULT '[]',
    ticked_by TEXT,
    adhoc INTEGER NOT NULL DEFAULT 0,
    UNIQUE (session_id, key)
);

CREATE TABLE checklist_runs (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    item_key TEXT NOT NULL,
    occurrence INTEGER NOT NULL DEFAULT 1,
    due_at TEXT,
    window_end TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'skipped', 'missed')),
    done_at TEXT,
    done_by TEXT,
    values_json TEXT NOT NULL DEFAULT '{}',
    note TEXT,
    skip_reason TEXT,
    auto INTEGER NOT NULL DEFAULT 0,
    event_id TEXT,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    UNIQUE (session_id, item_key, occurrence)
);
CREATE INDEX checklist_runs_due ON checklist_runs(session_id, status, due_at);

CREATE TABLE products (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    client_id TEXT REFERENCES clients(id),
    name TEXT NOT NULL,
    sku TEXT,
    price INTEGER CHECK (price IS NULL OR price >= 0),
    stock INTEGER CHECK (stock IS NULL OR stock >= 0),
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);
CREATE INDEX products_session ON products(session_id);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    ts_utc TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('note', 'product', 'giveaway', 'traffic', 'incident', 'compliance',
                                       'milestone', 'checklist', 'report', 'override', 'system')),
    subtype TEXT,
    text TEXT NOT NULL DEFAULT '',
    internal INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('hotkey', 'manual', 'cli', 'import', 'watch', 'demo', 'checklist', 'system')),
    author_id TEXT,
    product_id TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);
CREATE INDEX events_session_ts ON events(session_id, ts_utc);

-- Events are append-only: an edit or delete keeps the previous version here.
CREATE TABLE event_audit (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    action TEXT NOT NULL CHECK (action IN ('edit', 'delete')),
    before_json TEXT NOT NULL,
    after_json TEXT,
    by_id TEXT,
    at TEXT NOT NULL
);

CREATE TABLE metric_samples (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    ts_utc TEXT NOT NULL,
    metric_key TEXT NOT NULL,
    value NUMERIC,
    source TEXT NOT NULL CHECK (source IN ('hotkey', 'manual', 'cli', 'import', 'watch', 'demo', 'checklist', 'system')),
    provisional INTEGER NOT NULL DEFAULT 1,
    as_of TEXT,
    product_id TEXT,
    author_id TEXT,
    import_id TEXT,
    created_at TEXT NOT NULL,
    CHECK (provisional = 1 OR as_of IS NOT NULL)
);
CREATE INDEX metric_samples_session_key_ts ON metric_samples(session_id, metric_key, ts_utc);

CREATE TABLE session_summaries (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id),
    anchor_id TEXT NOT NULL,
    client_id TEXT,
    specialist_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    currency TEXT NOT NULL,
    start_utc TEXT,
    gmv INTEGER,
    uv INTEGER,
    orders INTEGER,
    peak_online_viewers INTEGER,
    duration_seconds REAL,
    kpis_json TEXT NOT NULL DEFAULT '{}',
    compliance_json TEXT,
    compliance_rate REAL,
    signoff TEXT NOT NULL DEFAULT 'none',
    event_count INTEGER NOT NULL DEFAULT 0,
    sample_count INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX session_summaries_start ON session_summaries(start_utc);

CREATE TABLE reviews (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id),
    fields_json TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
    submitted_by TEXT,
    submitted_at TEXT,
    approved_by TEXT,
    approved_at TEXT,
    approval_hash TEXT,
    return_comment TEXT,
    modified_at TEXT NOT NULL,
    modified_by TEXT
);

CREATE TABLE action_items (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    text TEXT NOT NULL,
    owner TEXT,
    due_date TEXT,
    client_visible INTEGER NOT NULL DEFAULT 0,
    done INTEGER NOT NULL DEFAULT 0,
    carried_to_session_id TEXT,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
);

CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    run_id TEXT,
    name TEXT NOT NULL,
    mime TEXT,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT
);

CREATE TABLE imports (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    by_id TEXT,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    preset TEXT,
    counts_json TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE exports (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    by_id TEXT,
    session_ids_json TEXT NOT NULL,
    variant TEXT NOT NULL CHECK (variant IN ('client', 'internal')),
    client_id TEXT,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    draft INTEGER NOT NULL DEFAULT 0
);

-- Audited actions on a session that are not events (reopen, settlement on a closed session ...).
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    by_id TEXT,
    session_id TEXT,
    action TEXT NOT NULL,
    detail_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_session ON audit_log(session_id, at);

-- Deletions travel to merged workspaces as tombstones.
CREATE TABLE tombstones (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id)
);
