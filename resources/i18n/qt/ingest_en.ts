<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FollowWidget</name>
    <message>
        <location filename="../../../desktop_app/ui/ingest/follow_widget.py" line="38"/>
        <source>Follow a CSV…</source>
        <translation>Follow a CSV…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/follow_widget.py" line="39"/>
        <source>Stop following</source>
        <translation>Stop following</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/follow_widget.py" line="41"/>
        <source>Not following a file</source>
        <translation>Not following a file</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/follow_widget.py" line="55"/>
        <source>Follow a CSV</source>
        <translation>Follow a CSV</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/follow_widget.py" line="55"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV files (*.csv *.txt)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="66"/>
        <source>Import platform data</source>
        <translation>Import platform data</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="74"/>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="77"/>
        <source>Detect automatically</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="81"/>
        <source>From the file&apos;s account column</source>
        <translation>From the file's account column</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="85"/>
        <source>Match by start time</source>
        <translation>Match by start time</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="92"/>
        <source>Strict: reject the whole file on any bad row</source>
        <translation>Strict: reject the whole file on any bad row</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="99"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="100"/>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="101"/>
        <source>Anchor</source>
        <translation>Anchor</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="102"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="103"/>
        <source>Settled as of</source>
        <translation>Settled as of</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="108"/>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="113"/>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="108"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="108"/>
        <source>Imported as</source>
        <translation>Imported as</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="109"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="109"/>
        <source>Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="113"/>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="241"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="113"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="114"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="115"/>
        <source>Save rejected rows as CSV…</source>
        <translation>Save rejected rows as CSV…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="118"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="119"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="120"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="134"/>
        <source>Detected header and mapping</source>
        <translation>Detected header and mapping</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="136"/>
        <source>Preview of parsed values</source>
        <translation>Preview of parsed values</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="144"/>
        <source>Platform export</source>
        <translation>Platform export</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="145"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</source>
        <translation>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="185"/>
        <source>{file}: {fmt}, header on row {row}, {kind}, preset {preset}</source>
        <translation>{file}: {fmt}, header on row {row}, {kind}, preset {preset}</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="192"/>
        <source>personal data: not imported</source>
        <translation>personal data: not imported</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="203"/>
        <source>— not imported —</source>
        <translation>— not imported —</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="267"/>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="291"/>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="292"/>
        <source>Checked, nothing written</source>
        <translation>Checked, nothing written</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="292"/>
        <source>Nothing new to import</source>
        <translation>Nothing new to import</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="293"/>
        <source>{state}: {accepted} accepted, {rejected} rejected, {skipped} skipped</source>
        <translation>{state}: {accepted} accepted, {rejected} rejected, {skipped} skipped</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="304"/>
        <source>Save rejected rows</source>
        <translation>Save rejected rows</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="305"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>Ingest</name>
    <message>
        <location filename="../../../desktop_app/ui/ingest/__init__.py" line="10"/>
        <source>Import platform data…</source>
        <translation>Import platform data…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/__init__.py" line="28"/>
        <source>Follow CSV</source>
        <translation>Follow CSV</translation>
    </message>
</context>
</TS>
