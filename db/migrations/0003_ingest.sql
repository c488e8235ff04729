-- Import mappings remembered per file layout (header signature), and a lookup index for re-import.
CREATE TABLE import_mappings (
    signature TEXT PRIMARY KEY,
    preset TEXT,
    kind TEXT,
    mapping_json TEXT NOT NULL,
    decisions_json TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT NOT NULL,
    updated_by TEXT
);

CREATE INDEX imports_sha256 ON imports(sha256);
CREATE INDEX metric_samples_import ON metric_samples(import_id) WHERE import_id IS NOT NULL;
