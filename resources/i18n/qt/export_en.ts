<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Export</name>
        <message>
            <source>Export these sessions…</source>
            <translation>Export these sessions…</translation>
        </message>
        <message>
            <source>Multi-session report of the sessions listed, with the filters set above</source>
            <translation>Multi-session report of the sessions listed, with the filters set above</translation>
        </message>
        <message>
            <source>Open a session first.</source>
            <translation>Open a session first.</translation>
        </message>
        <message>
            <source>Review not signed off</source>
            <translation>Review not signed off</translation>
        </message>
        <message>
            <source>A lead has not signed off this session's review. Export the client file anyway? It will be marked 未审核 (draft).</source>
            <translation>A lead has not signed off this session's review. Export the client file anyway? It will be marked 未审核 (draft).</translation>
        </message>
        <message>
            <source>Save results card</source>
            <translation>Save results card</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG images (*.png)</translation>
        </message>
        <message>
            <source>Results card</source>
            <translation>Results card</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Saved {path}</translation>
        </message>
        <message>
            <source>The file is marked 未审核 (draft).</source>
            <translation>The file is marked 未审核 (draft).</translation>
        </message>
        <message>
            <source>Saved {path} and copied the picture to the clipboard.</source>
            <translation>Saved {path} and copied the picture to the clipboard.</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>Results card (PNG)…</source>
            <translation>Results card (PNG)…</translation>
        </message>
        <message>
            <source>Multi-session report…</source>
            <translation>Multi-session report…</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
    </context>
    <context>
        <name>ExportArea</name>
        <message>
            <source>Logo and header…</source>
            <translation>Logo and header…</translation>
        </message>
        <message>
            <source>The logo (PNG) and header text printed on every exported file</source>
            <translation>The logo (PNG) and header text printed on every exported file</translation>
        </message>
        <message>
            <source>Logo for exported files</source>
            <translation>Logo for exported files</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG images (*.png)</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <source>Keep the current logo?</source>
            <translation>Keep the current logo?</translation>
        </message>
        <message>
            <source>Header text</source>
            <translation>Header text</translation>
        </message>
        <message>
            <source>Text at the top left of every printed page:</source>
            <translation>Text at the top left of every printed page:</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>Results card (PNG)…</source>
            <translation>Results card (PNG)…</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n time(s); last at %1</source>
            <translation>
                <numerusform>Exported %n time(s); last at %1</numerusform>
                <numerusform>Exported %n time(s); last at %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Not exported yet.</source>
            <translation>Not exported yet.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export session to Excel</source>
            <translation>Export session to Excel</translation>
        </message>
        <message>
            <source>Client version</source>
            <translation>Client version</translation>
        </message>
        <message>
            <source>Internal version (with internal events and notes)</source>
            <translation>Internal version (with internal events and notes)</translation>
        </message>
        <message>
            <source>Include session-wide totals (lead's decision)</source>
            <translation>Include session-wide totals (lead's decision)</translation>
        </message>
        <message>
            <source>Variant</source>
            <translation>Variant</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Header language</source>
            <translation>Header language</translation>
        </message>
        <message>
            <source>Interval</source>
            <translation>Interval</translation>
        </message>
        <message>
            <source>Sheets</source>
            <translation>Sheets</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s)</source>
            <translation>
                <numerusform>%n minute(s)</numerusform>
                <numerusform>%n minute(s)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n second(s)</source>
            <translation>
                <numerusform>%n second(s)</numerusform>
                <numerusform>%n second(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>The review is not signed off by a lead: the file will be marked 未审核 (draft).</source>
            <translation>The review is not signed off by a lead: the file will be marked 未审核 (draft).</translation>
        </message>
    </context>
    <context>
        <name>MultiExportDialog</name>
        <message>
            <source>Sessions as filtered in the history view.</source>
            <translation>Sessions as filtered in the history view.</translation>
        </message>
        <message>
            <source>Also filtered by: {filters}</source>
            <translation>Also filtered by: {filters}</translation>
        </message>
        <message>
            <source>Multi-session report</source>
            <translation>Multi-session report</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Anchor</source>
            <translation>Anchor</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Specialist</source>
            <translation>Specialist</translation>
        </message>
        <message>
            <source>Variant</source>
            <translation>Variant</translation>
        </message>
        <message>
            <source>Header language</source>
            <translation>Header language</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Internal (for leads)</source>
            <translation>Internal (for leads)</translation>
        </message>
        <message>
            <source>Client (needs a client)</source>
            <translation>Client (needs a client)</translation>
        </message>
        <message>
            <source>Also write one CSV file per table</source>
            <translation>Also write one CSV file per table</translation>
        </message>
    </context>
    <context>
        <name>ReportFormDialog</name>
        <message>
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>Save report as</source>
            <translation>Save report as</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
    </context>
</TS>
