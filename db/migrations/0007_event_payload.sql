-- Events written by the app from catalog messages (checklist ticks, skips, undos) keep the
-- message key and its parameters, so every reader sees them in their own language: an English
-- export of a session ticked in Chinese shows English rows. `text` still holds the wording in
-- the writer's language (search, older app versions, other SQLite clients); an edit of the text
-- clears the payload, so what a person typed wins. NULL for typed notes and rows from before.
ALTER TABLE events ADD COLUMN payload_json TEXT;
