-- Review feature: any SQLite client can write again (the sqlite3 shell, DB Browser, an older
-- liveops). The 0004 search triggers called functions only the app registers, so every other
-- client failed with "no such function" on INSERT INTO events. Now the triggers are plain SQL
-- and only queue the changed row (its search_fts rowid: source rowid * 4 + source, see 0004);
-- the app tokenises queued rows (CJK as bigrams, storage/search_index.py) when it commits a
-- write and before every search, so results are always current.
DROP TRIGGER IF EXISTS search_events_ai;
DROP TRIGGER IF EXISTS search_events_au;
DROP TRIGGER IF EXISTS search_events_ad;
DROP TRIGGER IF EXISTS search_reviews_ai;
DROP TRIGGER IF EXISTS search_reviews_au;
DROP TRIGGER IF EXISTS search_reviews_ad;
DROP TRIGGER IF EXISTS search_runs_ai;
DROP TRIGGER IF EXISTS search_runs_au;
DROP TRIGGER IF EXISTS search_runs_ad;
DROP TRIGGER IF EXISTS search_actions_ai;
DROP TRIGGER IF EXISTS search_actions_au;
DROP TRIGGER IF EXISTS search_actions_ad;

-- No uniqueness: a trigger statement inherits the outer statement's conflict clause, so an
-- INSERT OR IGNORE here could still abort a client's write; the indexer de-duplicates instead.
CREATE TABLE search_pending (fts_rowid INTEGER NOT NULL);

CREATE TRIGGER search_q_events_ai AFTER INSERT ON events BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (NEW.rowid * 4);
END;
CREATE TRIGGER search_q_events_au AFTER UPDATE OF text, deleted, kind ON events BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (OLD.rowid * 4);
    INSERT INTO search_pending (fts_rowid) SELECT NEW.rowid * 4 WHERE NEW.rowid <> OLD.rowid;
END;
CREATE TRIGGER search_q_events_ad AFTER DELETE ON events BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (OLD.rowid * 4);
END;

CREATE TRIGGER search_q_reviews_ai AFTER INSERT ON reviews BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (NEW.rowid * 4 + 1);
END;
CREATE TRIGGER search_q_reviews_au AFTER UPDATE OF fields_json, return_comment ON reviews BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (OLD.rowid * 4 + 1);
    INSERT INTO search_pending (fts_rowid) SELECT NEW.rowid * 4 + 1 WHERE NEW.rowid <> OLD.rowid;
END;
CREATE TRIGGER search_q_reviews_ad AFTER DELETE ON reviews BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (OLD.rowid * 4 + 1);
END;

CREATE TRIGGER search_q_runs_ai AFTER INSERT ON checklist_runs
    WHEN NEW.values_json <> '{}' OR NEW.note IS NOT NULL OR NEW.skip_reason IS NOT NULL BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (NEW.rowid * 4 + 2);
END;
CREATE TRIGGER search_q_runs_au AFTER UPDATE OF values_json, note, skip_reason ON checklist_runs BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (OLD.rowid * 4 + 2);
    INSERT INTO search_pending (fts_rowid) SELECT NEW.rowid * 4 + 2 WHERE NEW.rowid <> OLD.rowid;
END;
CREATE TRIGGER search_q_runs_ad AFTER DELETE ON checklist_runs BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (OLD.rowid * 4 + 2);
END;

CREATE TRIGGER search_q_actions_ai AFTER INSERT ON action_items BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (NEW.rowid * 4 + 3);
END;
CREATE TRIGGER search_q_actions_au AFTER UPDATE OF text, owner ON action_items BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (OLD.rowid * 4 + 3);
    INSERT INTO search_pending (fts_rowid) SELECT NEW.rowid * 4 + 3 WHERE NEW.rowid <> OLD.rowid;
END;
CREATE TRIGGER search_q_actions_ad AFTER DELETE ON action_items BEGIN
    INSERT INTO search_pending (fts_rowid) VALUES (OLD.rowid * 4 + 3);
END;

-- Merge bookkeeping: the version (modified_at) of every row last taken from a source
-- workspace's bundle. A bundle row still at that version carries nothing new, so a local
-- change made since (a lead's approval, a ticked run) is kept without asking again:
-- re-importing the same bundle changes nothing and asks nothing. row_key is the primary key
-- text ("id", or "a|b" for composite keys); for a deletion, table_name is "tombstones".
CREATE TABLE merge_seen (
    source_id TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_key TEXT NOT NULL,
    modified_at TEXT,
    PRIMARY KEY (source_id, table_name, row_key)
) WITHOUT ROWID;
