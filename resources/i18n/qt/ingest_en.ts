<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>FollowWidget</name>
    <message>
        <source>Read rows into this session as the file grows</source>
        <translation>Read rows into this session as the file grows</translation>
    </message>
    <message>
        <source>Select a session on air to follow a CSV into it.</source>
        <translation>Select a session on air to follow a CSV into it.</translation>
    </message>
    <message>
        <source>Only a session on air can follow a growing CSV; this one is not on air.</source>
        <translation>Only a session on air can follow a growing CSV; this one is not on air.</translation>
    </message>
        <message>
            <source>Follow a CSV…</source>
            <translation>Follow a CSV…</translation>
        </message>
        <message>
            <source>Stop following</source>
            <translation>Stop following</translation>
        </message>
        <message>
            <source>Not following a file</source>
            <translation>Not following a file</translation>
        </message>
        <message>
            <source>Following</source>
            <translation>Following</translation>
        </message>
        <message>
            <source>Waiting for the file</source>
            <translation>Waiting for the file</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Stopped</translation>
        </message>
        <message>
            <source>Follow a CSV</source>
            <translation>Follow a CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv *.txt)</source>
            <translation>CSV files (*.csv *.txt)</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import platform data</source>
            <translation>Import platform data</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>Detect automatically</source>
            <translation>Detect automatically</translation>
        </message>
        <message>
            <source>From the file's account column</source>
            <translation>From the file's account column</translation>
        </message>
        <message>
            <source>Match by start time</source>
            <translation>Match by start time</translation>
        </message>
        <message>
            <source>Strict: reject the whole file on any bad row</source>
            <translation>Strict: reject the whole file on any bad row</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>Preset</translation>
        </message>
        <message>
            <source>Anchor</source>
            <translation>Anchor</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>Settled as of</source>
            <translation>Settled as of</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>Header</source>
            <translation>Header</translation>
        </message>
        <message>
            <source>Imported as</source>
            <translation>Imported as</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Reading</source>
            <translation>Reading</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Save rejected rows as CSV…</source>
            <translation>Save rejected rows as CSV…</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Detected header and mapping</source>
            <translation>Detected header and mapping</translation>
        </message>
        <message>
            <source>Preview of parsed values</source>
            <translation>Preview of parsed values</translation>
        </message>
        <message>
            <source>Platform export</source>
            <translation>Platform export</translation>
        </message>
        <message>
            <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.et *.numbers);;All files (*)</source>
            <translation>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.et *.numbers);;All files (*)</translation>
        </message>
        <message>
            <source>Reading {file}…</source>
            <translation>Reading {file}…</translation>
        </message>
        <message>
            <source>Reading the file…</source>
            <translation>Reading the file…</translation>
        </message>
        <message>
            <source>minute time series</source>
            <translation>minute time series</translation>
        </message>
        <message>
            <source>one row per broadcast</source>
            <translation>one row per broadcast</translation>
        </message>
        <message>
            <source>per-product data</source>
            <translation>per-product data</translation>
        </message>
        <message>
            <source>{file}: {fmt}, header on row {row}, {kind}, preset {preset}</source>
            <translation>{file}: {fmt}, header on row {row}, {kind}, preset {preset}</translation>
        </message>
        <message>
            <source>personal data: not imported</source>
            <translation>personal data: not imported</translation>
        </message>
        <message>
            <source>(hidden in the file)</source>
            <translation>(hidden in the file)</translation>
        </message>
        <message>
            <source>— not imported —</source>
            <translation>— not imported —</translation>
        </message>
        <message>
            <source>data</source>
            <translation>data</translation>
        </message>
        <message>
            <source>blank: skipped</source>
            <translation>blank: skipped</translation>
        </message>
        <message>
            <source>total: skipped</source>
            <translation>total: skipped</translation>
        </message>
        <message>
            <source>repeated header: skipped</source>
            <translation>repeated header: skipped</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>rejected</translation>
        </message>
        <message>
            <source>(row hidden in the sheet)</source>
            <translation>(row hidden in the sheet)</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>Checked, nothing written</source>
            <translation>Checked, nothing written</translation>
        </message>
        <message>
            <source>Nothing new to import</source>
            <translation>Nothing new to import</translation>
        </message>
        <message>
            <source>{state}: {accepted} accepted, {rejected} rejected, {skipped} skipped</source>
            <translation>{state}: {accepted} accepted, {rejected} rejected, {skipped} skipped</translation>
        </message>
        <message>
            <source>Save rejected rows</source>
            <translation>Save rejected rows</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>Ingest</name>
        <message>
            <source>Import platform data…</source>
            <translation>Import platform data…</translation>
        </message>
        <message>
            <source>Follow CSV</source>
            <translation>Follow CSV</translation>
        </message>
    </context>
</TS>
