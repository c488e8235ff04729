-- Live console (issue 5): the summary's event count is kept by the schema, so every writer (the
-- service, the CLI, a merge, a plain sqlite3 client) keeps it right and a hotkey's commit pays for
-- it inside its INSERT instead of a separate statement. Only live (deleted = 0) events count; a
-- soft delete / undelete or a move to another session moves the count. A summary row written
-- later (storage.summaries.refresh) recounts, so a missing row is no harm.
-- Without a review the sign-off is 'none' whatever the events say (the review feature's rule; with
-- an approved review signoff_events_ai / _au mark it outdated).
CREATE TRIGGER IF NOT EXISTS summary_events_ai AFTER INSERT ON events WHEN NEW.deleted = 0 BEGIN
    UPDATE session_summaries SET event_count = event_count + 1,
        signoff = CASE WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = NEW.session_id)
                       THEN signoff ELSE 'none' END
        WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER IF NOT EXISTS summary_events_au AFTER UPDATE OF deleted, session_id ON events
    WHEN OLD.deleted <> NEW.deleted OR OLD.session_id <> NEW.session_id BEGIN
    UPDATE session_summaries SET event_count = event_count - 1
        WHERE session_id = OLD.session_id AND OLD.deleted = 0;
    UPDATE session_summaries SET event_count = event_count + 1
        WHERE session_id = NEW.session_id AND NEW.deleted = 0;
END;
CREATE TRIGGER IF NOT EXISTS summary_events_ad AFTER DELETE ON events WHEN OLD.deleted = 0 BEGIN
    UPDATE session_summaries SET event_count = event_count - 1 WHERE session_id = OLD.session_id;
END;

-- Start from the true count (a workspace written by an older build, or by a client that missed it).
UPDATE session_summaries SET event_count =
    (SELECT count(*) FROM events e WHERE e.session_id = session_summaries.session_id AND e.deleted = 0);
