-- Import (issue 6): no query reads metric_samples by import_id (re-import matches samples by session,
-- time and key; the imports table keeps each file's record), yet every imported sample paid for an
-- entry in this index: about a sixth of an import's insert time. Dropping it changes no result.
DROP INDEX IF EXISTS metric_samples_import;
