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
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="68"/>
        <source>Import platform data</source>
        <translation>Import platform data</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="76"/>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="79"/>
        <source>Detect automatically</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="83"/>
        <source>From the file&apos;s account column</source>
        <translation>From the file&apos;s account column</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="87"/>
        <source>Match by start time</source>
        <translation>Match by start time</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="94"/>
        <source>Strict: reject the whole file on any bad row</source>
        <translation>Strict: reject the whole file on any bad row</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="101"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="102"/>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="103"/>
        <source>Anchor</source>
        <translation>Anchor</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="104"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="105"/>
        <source>Settled as of</source>
        <translation>Settled as of</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="110"/>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="115"/>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="110"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="110"/>
        <source>Imported as</source>
        <translation>Imported as</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="111"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="111"/>
        <source>Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="115"/>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="245"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="115"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="116"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="117"/>
        <source>Save rejected rows as CSV…</source>
        <translation>Save rejected rows as CSV…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="120"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="121"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="122"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="136"/>
        <source>Detected header and mapping</source>
        <translation>Detected header and mapping</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="138"/>
        <source>Preview of parsed values</source>
        <translation>Preview of parsed values</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="146"/>
        <source>Platform export</source>
        <translation>Platform export</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="147"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</source>
        <translation>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="187"/>
        <source>minute time series</source>
        <translation>minute time series</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="187"/>
        <source>one row per broadcast</source>
        <translation>one row per broadcast</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="188"/>
        <source>per-product data</source>
        <translation>per-product data</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="189"/>
        <source>{file}: {fmt}, header on row {row}, {kind}, preset {preset}</source>
        <translation>{file}: {fmt}, header on row {row}, {kind}, preset {preset}</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="196"/>
        <source>personal data: not imported</source>
        <translation>personal data: not imported</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="207"/>
        <source>— not imported —</source>
        <translation>— not imported —</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="249"/>
        <source>data</source>
        <translation>data</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="249"/>
        <source>blank: skipped</source>
        <translation>blank: skipped</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="249"/>
        <source>total: skipped</source>
        <translation>total: skipped</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="250"/>
        <source>repeated header: skipped</source>
        <translation>repeated header: skipped</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="250"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="275"/>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="299"/>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="300"/>
        <source>Checked, nothing written</source>
        <translation>Checked, nothing written</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="300"/>
        <source>Nothing new to import</source>
        <translation>Nothing new to import</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="301"/>
        <source>{state}: {accepted} accepted, {rejected} rejected, {skipped} skipped</source>
        <translation>{state}: {accepted} accepted, {rejected} rejected, {skipped} skipped</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="312"/>
        <source>Save rejected rows</source>
        <translation>Save rejected rows</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/ingest/dialog.py" line="313"/>
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
