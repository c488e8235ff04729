-- Search finds checklist events in every language: an event written from a catalog message
-- (payload_json, 0007) is now indexed with its text in zh_CN and en (storage/search_index.py),
-- so a zh reader finds an English tick by 福袋 and an en reader a Chinese tick by its English
-- words. Queue the rows indexed before this version so the next commit indexes them again.
INSERT INTO search_pending (fts_rowid) SELECT rowid * 4 FROM events WHERE payload_json IS NOT NULL;
