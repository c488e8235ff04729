-- Import (issue 6): SQLite checks `source IN ('hotkey', …)` by building a temporary b-tree of
-- the list for every row written (an IN list is prepared once per statement run, and a bulk
-- insert runs its statement once per row). On metric_samples, the table an import fills with
-- hundreds of thousands of rows, that was about 40 % of the insert time. The same rule written
-- as a chain of comparisons accepts and refuses exactly the same values at no cost.
-- SQLite cannot change a CHECK in place, so the table is rebuilt (rowids kept) with its three
-- indexes and its trigger; the migration runner backs the workspace up before it starts.
CREATE TABLE metric_samples_v8 (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    ts_utc TEXT NOT NULL,
    metric_key TEXT NOT NULL,
    value NUMERIC,
    source TEXT NOT NULL CHECK (source = 'hotkey' OR source = 'manual' OR source = 'cli' OR source = 'import'
                                OR source = 'watch' OR source = 'demo' OR source = 'checklist' OR source = 'system'),
    provisional INTEGER NOT NULL DEFAULT 1,
    as_of TEXT,
    product_id TEXT,
    author_id TEXT,
    import_id TEXT,
    created_at TEXT NOT NULL,
    CHECK (provisional = 1 OR as_of IS NOT NULL)
);
INSERT INTO metric_samples_v8 (rowid, id, session_id, ts_utc, metric_key, value, source, provisional, as_of,
                               product_id, author_id, import_id, created_at)
    SELECT rowid, id, session_id, ts_utc, metric_key, value, source, provisional, as_of,
           product_id, author_id, import_id, created_at FROM metric_samples ORDER BY rowid;
DROP TABLE metric_samples;
ALTER TABLE metric_samples_v8 RENAME TO metric_samples;

CREATE INDEX metric_samples_session_key_ts ON metric_samples(session_id, metric_key, ts_utc);
CREATE INDEX metric_samples_import ON metric_samples(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX metric_samples_settled ON metric_samples(session_id, metric_key, as_of, ts_utc) WHERE provisional = 0;
CREATE TRIGGER signoff_samples_ai AFTER INSERT ON metric_samples WHEN NEW.provisional = 1
    AND EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = NEW.session_id AND r.status = 'approved') BEGIN
    UPDATE session_summaries SET signoff = 'outdated' WHERE session_id = NEW.session_id;
END;
