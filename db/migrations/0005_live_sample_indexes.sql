-- Live console (issue 5): keep the per-change summary refresh cheap in long sessions (6 h at 1 Hz).
-- Settled rows are few; this partial index finds the latest settlement of a key without
-- scanning that key's realtime rows.
CREATE INDEX metric_samples_settled ON metric_samples(session_id, metric_key, as_of, ts_utc) WHERE provisional = 0;
