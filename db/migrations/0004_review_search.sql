-- Review feature: full-text search index and cheap "sign-off outdated" marking.
-- search_fts holds index text only (CJK as overlapping bigrams, see storage/fts_text.py).
-- rowid = source rowid * 4 + source: 0 events, 1 reviews, 2 checklist_runs, 3 action_items,
-- so every trigger updates its row by rowid (no scan of the index).
CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER search_events_ai AFTER INSERT ON events BEGIN
    INSERT INTO search_fts (rowid, body) SELECT NEW.rowid * 4, liveops_fts_text(NEW.text)
        WHERE NEW.deleted = 0 AND NEW.kind <> 'system' AND NEW.text <> '';
END;
CREATE TRIGGER search_events_au AFTER UPDATE OF text, deleted, kind ON events BEGIN
    DELETE FROM search_fts WHERE rowid = OLD.rowid * 4;
    INSERT INTO search_fts (rowid, body) SELECT NEW.rowid * 4, liveops_fts_text(NEW.text)
        WHERE NEW.deleted = 0 AND NEW.kind <> 'system' AND NEW.text <> '';
END;
CREATE TRIGGER search_events_ad AFTER DELETE ON events BEGIN
    DELETE FROM search_fts WHERE rowid = OLD.rowid * 4;
END;

CREATE TRIGGER search_reviews_ai AFTER INSERT ON reviews BEGIN
    INSERT INTO search_fts (rowid, body)
        SELECT NEW.rowid * 4 + 1, liveops_fts_json(NEW.fields_json) || ' ' || liveops_fts_text(NEW.return_comment);
END;
CREATE TRIGGER search_reviews_au AFTER UPDATE OF fields_json, return_comment ON reviews BEGIN
    DELETE FROM search_fts WHERE rowid = OLD.rowid * 4 + 1;
    INSERT INTO search_fts (rowid, body)
        SELECT NEW.rowid * 4 + 1, liveops_fts_json(NEW.fields_json) || ' ' || liveops_fts_text(NEW.return_comment);
END;
CREATE TRIGGER search_reviews_ad AFTER DELETE ON reviews BEGIN
    DELETE FROM search_fts WHERE rowid = OLD.rowid * 4 + 1;
END;

CREATE TRIGGER search_runs_ai AFTER INSERT ON checklist_runs
    WHEN NEW.values_json <> '{}' OR NEW.note IS NOT NULL OR NEW.skip_reason IS NOT NULL BEGIN
    INSERT INTO search_fts (rowid, body) VALUES (NEW.rowid * 4 + 2, liveops_fts_json(NEW.values_json) || ' '
        || liveops_fts_text(NEW.note) || ' ' || liveops_fts_text(NEW.skip_reason));
END;
CREATE TRIGGER search_runs_au AFTER UPDATE OF values_json, note, skip_reason ON checklist_runs BEGIN
    DELETE FROM search_fts WHERE rowid = OLD.rowid * 4 + 2;
    INSERT INTO search_fts (rowid, body) VALUES (NEW.rowid * 4 + 2, liveops_fts_json(NEW.values_json) || ' '
        || liveops_fts_text(NEW.note) || ' ' || liveops_fts_text(NEW.skip_reason));
END;
CREATE TRIGGER search_runs_ad AFTER DELETE ON checklist_runs BEGIN
    DELETE FROM search_fts WHERE rowid = OLD.rowid * 4 + 2;
END;

CREATE TRIGGER search_actions_ai AFTER INSERT ON action_items BEGIN
    INSERT INTO search_fts (rowid, body)
        VALUES (NEW.rowid * 4 + 3, liveops_fts_text(NEW.text) || ' ' || liveops_fts_text(NEW.owner));
END;
CREATE TRIGGER search_actions_au AFTER UPDATE OF text, owner ON action_items BEGIN
    DELETE FROM search_fts WHERE rowid = OLD.rowid * 4 + 3;
    INSERT INTO search_fts (rowid, body)
        VALUES (NEW.rowid * 4 + 3, liveops_fts_text(NEW.text) || ' ' || liveops_fts_text(NEW.owner));
END;
CREATE TRIGGER search_actions_ad AFTER DELETE ON action_items BEGIN
    DELETE FROM search_fts WHERE rowid = OLD.rowid * 4 + 3;
END;

INSERT INTO search_fts (rowid, body) SELECT rowid * 4, liveops_fts_text(text) FROM events
    WHERE deleted = 0 AND kind <> 'system' AND text <> '';
INSERT INTO search_fts (rowid, body)
    SELECT rowid * 4 + 1, liveops_fts_json(fields_json) || ' ' || liveops_fts_text(return_comment) FROM reviews;
INSERT INTO search_fts (rowid, body)
    SELECT rowid * 4 + 2, liveops_fts_json(values_json) || ' ' || liveops_fts_text(note) || ' '
        || liveops_fts_text(skip_reason) FROM checklist_runs
    WHERE values_json <> '{}' OR note IS NOT NULL OR skip_reason IS NOT NULL;
INSERT INTO search_fts (rowid, body)
    SELECT rowid * 4 + 3, liveops_fts_text(text) || ' ' || liveops_fts_text(owner) FROM action_items;

-- A change after a lead's approval marks the sign-off outdated at once, whatever code path
-- wrote it; storage.summaries.signoff_fn (services/review.py) re-checks the SHA-256 on refresh.
-- App-generated system events, app-ticked runs and settlements never outdate it.
CREATE TRIGGER signoff_events_ai AFTER INSERT ON events WHEN NEW.kind <> 'system'
    AND EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = NEW.session_id AND r.status = 'approved') BEGIN
    UPDATE session_summaries SET signoff = 'outdated' WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER signoff_events_au AFTER UPDATE OF text, kind, deleted, ts_utc, internal, subtype, product_id ON events
    WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = NEW.session_id AND r.status = 'approved') BEGIN
    UPDATE session_summaries SET signoff = 'outdated' WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER signoff_samples_ai AFTER INSERT ON metric_samples WHEN NEW.provisional = 1
    AND EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = NEW.session_id AND r.status = 'approved') BEGIN
    UPDATE session_summaries SET signoff = 'outdated' WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER signoff_runs_au AFTER UPDATE ON checklist_runs WHEN NEW.auto = 0 AND NEW.status <> 'open'
    AND EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = NEW.session_id AND r.status = 'approved') BEGIN
    UPDATE session_summaries SET signoff = 'outdated' WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER signoff_actions_aiu AFTER INSERT ON action_items
    WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = NEW.session_id AND r.status = 'approved') BEGIN
    UPDATE session_summaries SET signoff = 'outdated' WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER signoff_actions_au AFTER UPDATE OF text, owner, due_date, client_visible ON action_items
    WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = NEW.session_id AND r.status = 'approved') BEGIN
    UPDATE session_summaries SET signoff = 'outdated' WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER signoff_reviews_au AFTER UPDATE OF fields_json ON reviews WHEN NEW.status = 'approved' BEGIN
    UPDATE session_summaries SET signoff = 'outdated' WHERE session_id = NEW.session_id;
END;

-- History filters on these columns; the text filter uses the title.
CREATE INDEX session_summaries_anchor ON session_summaries(anchor_id, start_utc);
CREATE INDEX session_summaries_client ON session_summaries(client_id, start_utc);
CREATE INDEX session_summaries_specialist ON session_summaries(specialist_id, start_utc);
CREATE INDEX action_items_session ON action_items(session_id);

-- Natural-key mappings chosen in earlier merges (a bundle's client/anchor/person id onto a
-- local one), so importing the same bundle again needs no new decision.
CREATE TABLE merge_id_map (
    table_name TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (table_name, bundle_id)
);
