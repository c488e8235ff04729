-- Live console (issue 5): an event of a kind that an item matches whole (an event trigger with no
-- subtype, ticked by the event: "每次过款" by each `product` event, "异常" by each `incident`) is
-- the item's tick, so the schema writes that done run inside the event's INSERT. Every writer (the
-- hotkey, the CLI, a plain sqlite3 client) gets the same run, and a hotkey's commit pays for it in
-- its one INSERT. Subtype items (a response still to carry out, open for its window) stay with
-- services.checklists.on_event. Keep the run's shape in step with that function (same window,
-- values and occurrence rule); tests/test_live_event_ticks.py compares the two.
--
-- A run written here is on time for good, but the summary's compliance counts are not rewritten
-- (that rule lives in domain.checklists.compliance): the row is marked stale, and the next writer
-- that reads it (services.event_log.settle, a checklist tick, a refresh) recomputes it.
ALTER TABLE session_summaries ADD COLUMN compliance_stale INTEGER NOT NULL DEFAULT 0;

CREATE INDEX IF NOT EXISTS session_items_event_ticks
    ON session_items (session_id, json_extract(trigger_json, '$.event_kind'))
    WHERE json_extract(trigger_json, '$.kind') = 'event' AND json_extract(trigger_json, '$.subtype') IS NULL
      AND ticked_by = 'event';

CREATE TRIGGER IF NOT EXISTS checklist_event_ticks_ai AFTER INSERT ON events WHEN NEW.deleted = 0 BEGIN
    INSERT INTO checklist_runs (id, session_id, item_key, occurrence, due_at, window_end, status, done_at,
                                done_by, values_json, note, skip_reason, auto, event_id, created_at, modified_at)
    SELECT substr(NEW.id, 1, 24) || lower(hex(randomblob(6))), NEW.session_id, si.key,
           (SELECT coalesce(max(r.occurrence), 0) + 1 FROM checklist_runs r
             WHERE r.session_id = NEW.session_id AND r.item_key = si.key),
           NEW.ts_utc, strftime('%Y-%m-%dT%H:%M:%fZ', NEW.ts_utc, '+60 minutes'), 'done', NEW.ts_utc,
           NEW.author_id,
           -- the event's product for a product_id field, else its subtype for an enum field offering it
           (SELECT coalesce(json_group_object(k, v), '{}') FROM (
                SELECT json_extract(f.value, '$.id') AS k,
                       CASE WHEN json_extract(f.value, '$.id') = 'product_id' AND NEW.product_id IS NOT NULL
                            THEN NEW.product_id ELSE NEW.subtype END AS v
                  FROM json_each(si.fields_json) f
                 WHERE (json_extract(f.value, '$.id') = 'product_id' AND NEW.product_id IS NOT NULL)
                    OR (json_extract(f.value, '$.type') = 'enum' AND NEW.subtype IS NOT NULL
                        AND NEW.subtype IN (SELECT c.value FROM json_each(f.value, '$.choices') c))
                 ORDER BY k)),
           NULL, NULL, 1, NEW.id, NEW.created_at, NEW.created_at
      FROM session_items si
     WHERE si.session_id = NEW.session_id AND json_extract(si.trigger_json, '$.event_kind') = NEW.kind
       AND json_extract(si.trigger_json, '$.kind') = 'event' AND json_extract(si.trigger_json, '$.subtype') IS NULL
       AND si.ticked_by = 'event'
     ORDER BY si.position;
END;

CREATE TRIGGER IF NOT EXISTS compliance_stale_runs_ai AFTER INSERT ON checklist_runs
    WHEN NEW.auto = 1 AND NEW.event_id IS NOT NULL BEGIN
    UPDATE session_summaries SET compliance_stale = 1 WHERE session_id = NEW.session_id;
END;
