<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AdhocDialog</name>
        <message>
            <source>Add an item to this session</source>
            <translation>Add an item to this session</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>Required</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>once</source>
            <translation>once</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Due when the broadcast ends.</source>
            <translation>Due when the broadcast ends.</translation>
        </message>
        <message>
            <source>Due (%1)</source>
            <translation>Due (%1)</translation>
        </message>
        <message>
            <source>Repeat every</source>
            <translation>Repeat every</translation>
        </message>
    </context>
    <context>
        <name>ChecklistArea</name>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <source>No session selected.</source>
            <translation>No session selected.</translation>
        </message>
        <message>
            <source>This phase: %1 on time · %2 late · %3 skipped · %4 missed · %5 open · %6 overdue</source>
            <translation>This phase: %1 on time · %2 late · %3 skipped · %4 missed · %5 open · %6 overdue</translation>
        </message>
        <message>
            <source>Session compliance: %1</source>
            <translation>Session compliance: %1</translation>
        </message>
        <message>
            <source>required items %1</source>
            <translation>required items %1</translation>
        </message>
        <message>
            <source>(no pre items: started now or imported)</source>
            <translation>(no pre items: started now or imported)</translation>
        </message>
        <message>
            <source>[ad hoc] </source>
            <translation>[ad hoc] </translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Skipped: %1</source>
            <translation>Skipped: %1</translation>
        </message>
        <message>
            <source>(by the app)</source>
            <translation>(by the app)</translation>
        </message>
        <message>
            <source>Tick…</source>
            <translation>Tick…</translation>
        </message>
        <message>
            <source>Skip…</source>
            <translation>Skip…</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Add item…</source>
            <translation>Add item…</translation>
        </message>
        <message>
            <source>Show done</source>
            <translation>Show done</translation>
        </message>
    </context>
    <context>
        <name>ChecklistsInstall</name>
        <message>
            <source>Pre checklist</source>
            <translation>Pre checklist</translation>
        </message>
        <message>
            <source>Live checklist</source>
            <translation>Live checklist</translation>
        </message>
        <message>
            <source>Post checklist</source>
            <translation>Post checklist</translation>
        </message>
        <message>
            <source>Checklist templates</source>
            <translation>Checklist templates</translation>
        </message>
        <message>
            <source>Checklist compliance</source>
            <translation>Checklist compliance</translation>
        </message>
    </context>
    <context>
        <name>CompliancePage</name>
        <message>
            <source>%1 sessions · compliance %2 · required items %3</source>
            <translation>%1 sessions · compliance %2 · required items %3</translation>
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
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>By owner role</source>
            <translation>By owner role</translation>
        </message>
        <message>
            <source>By specialist (the session's specialist)</source>
            <translation>By specialist (the session's specialist)</translation>
        </message>
        <message>
            <source>Owner role</source>
            <translation>Owner role</translation>
        </message>
        <message>
            <source>Specialist</source>
            <translation>Specialist</translation>
        </message>
        <message>
            <source>Compliance</source>
            <translation>Compliance</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Runs</translation>
        </message>
    </context>
    <context>
        <name>FileEditor</name>
        <message>
            <source>Choose file…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>No file</source>
            <translation>No file</translation>
        </message>
        <message>
            <source>Choose a file</source>
            <translation>Choose a file</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <source>Field id</source>
            <translation>Field id</translation>
        </message>
        <message>
            <source>Label (Chinese)</source>
            <translation>Label (Chinese)</translation>
        </message>
        <message>
            <source>Label (English)</source>
            <translation>Label (English)</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Min</source>
            <translation>Min</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>Max</translation>
        </message>
        <message>
            <source>Choices</source>
            <translation>Choices</translation>
        </message>
        <message>
            <source>Metric key</source>
            <translation>Metric key</translation>
        </message>
        <message>
            <source>Target of</source>
            <translation>Target of</translation>
        </message>
        <message>
            <source>Per product</source>
            <translation>Per product</translation>
        </message>
        <message>
            <source>Checklist item</source>
            <translation>Checklist item</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>Required</translation>
        </message>
        <message>
            <source>Client-visible</source>
            <translation>Client-visible</translation>
        </message>
        <message>
            <source>Add field</source>
            <translation>Add field</translation>
        </message>
        <message>
            <source>Remove field</source>
            <translation>Remove field</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Text (Chinese)</source>
            <translation>Text (Chinese)</translation>
        </message>
        <message>
            <source>Text (English)</source>
            <translation>Text (English)</translation>
        </message>
        <message>
            <source>Due / trigger</source>
            <translation>Due / trigger</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Offsets: pre items minutes before the planned start (−1440 = a day before), post items minutes after the actual end. Field types: int, number, money, text, bool, enum (choices separated by |), file.</source>
            <translation>Offsets: pre items minutes before the planned start (−1440 = a day before), post items minutes after the actual end. Field types: int, number, money, text, bool, enum (choices separated by |), file.</translation>
        </message>
        <message>
            <source>Values recorded when ticking</source>
            <translation>Values recorded when ticking</translation>
        </message>
        <message>
            <source>subtype</source>
            <translation>subtype</translation>
        </message>
        <message>
            <source>Offset</source>
            <translation>Offset</translation>
        </message>
        <message>
            <source>Every N minutes while live</source>
            <translation>Every N minutes while live</translation>
        </message>
        <message>
            <source>On an event</source>
            <translation>On an event</translation>
        </message>
    </context>
    <context>
        <name>NextDueWidget</name>
        <message>
            <source>Next checklist items</source>
            <translation>Next checklist items</translation>
        </message>
        <message>
            <source>Nothing due.</source>
            <translation>Nothing due.</translation>
        </message>
    </context>
    <context>
        <name>ReminderBanner</name>
        <message>
            <source>Checklist items due · %1</source>
            <translation>Checklist items due · %1</translation>
        </message>
        <message>
            <source>Checklist items due</source>
            <translation>Checklist items due</translation>
        </message>
        <message>
            <source>Open session</source>
            <translation>Open session</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReminderCenter</name>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message>
            <source>Checklist items due · %1</source>
            <translation>Checklist items due · %1</translation>
        </message>
        <message>
            <source>Checklist items due</source>
            <translation>Checklist items due</translation>
        </message>
    </context>
    <context>
        <name>SkipDialog</name>
        <message>
            <source>Skip checklist item</source>
            <translation>Skip checklist item</translation>
        </message>
        <message>
            <source>Why this item does not apply (shown on the session timeline)</source>
            <translation>Why this item does not apply (shown on the session timeline)</translation>
        </message>
    </context>
    <context>
        <name>TemplateEditorPage</name>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>Phase</translation>
        </message>
        <message>
            <source>Due / trigger</source>
            <translation>Due / trigger</translation>
        </message>
        <message>
            <source>Req.</source>
            <translation>Req.</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Fields</source>
            <translation>Fields</translation>
        </message>
        <message>
            <source>Retired</source>
            <translation>Retired</translation>
        </message>
        <message>
            <source>retired</source>
            <translation>retired</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>Discard the unsaved changes to this template?</source>
            <translation>Discard the unsaved changes to this template?</translation>
        </message>
        <message>
            <source>%1 items in use, %2 retired</source>
            <translation>%1 items in use, %2 retired</translation>
        </message>
        <message>
            <source>unsaved changes</source>
            <translation>unsaved changes</translation>
        </message>
        <message>
            <source>Export template</source>
            <translation>Export template</translation>
        </message>
        <message>
            <source>Checklist template (*.json)</source>
            <translation>Checklist template (*.json)</translation>
        </message>
        <message>
            <source>Import template</source>
            <translation>Import template</translation>
        </message>
        <message>
            <source>Add item…</source>
            <translation>Add item…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Move up</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Move down</translation>
        </message>
        <message>
            <source>Retire / restore</source>
            <translation>Retire / restore</translation>
        </message>
        <message>
            <source>Save as new version</source>
            <translation>Save as new version</translation>
        </message>
        <message>
            <source>Export JSON…</source>
            <translation>Export JSON…</translation>
        </message>
        <message>
            <source>Import JSON…</source>
            <translation>Import JSON…</translation>
        </message>
        <message>
            <source>Discard changes</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Version history…</source>
            <translation>Version history…</translation>
        </message>
    </context>
    <context>
        <name>TickDialog</name>
        <message>
            <source>Tick checklist item</source>
            <translation>Tick checklist item</translation>
        </message>
        <message>
            <source> (%1)</source>
            <translation> (%1)</translation>
        </message>
        <message>
            <source>per product</source>
            <translation>per product</translation>
        </message>
        <message>
            <source>whole session (no products yet)</source>
            <translation>whole session (no products yet)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>TriggerText</name>
        <message>
            <source>%1d</source>
            <translation>%1d</translation>
        </message>
        <message>
            <source>%1h</source>
            <translation>%1h</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>every %1 min</source>
            <translation>every %1 min</translation>
        </message>
    </context>
    <context>
        <name>VersionHistoryDialog</name>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <source>built-in</source>
            <translation>built-in</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <source>Changes from the version before</source>
            <translation>Changes from the version before</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>Version history: %1</source>
            <translation>Version history: %1</translation>
        </message>
        <message>
            <source>first version</source>
            <translation>first version</translation>
        </message>
        <message>
            <source>no item changes</source>
            <translation>no item changes</translation>
        </message>
        <message>
            <source>%1 added</source>
            <translation>%1 added</translation>
        </message>
        <message>
            <source>%1 removed</source>
            <translation>%1 removed</translation>
        </message>
        <message>
            <source>%1 edited</source>
            <translation>%1 edited</translation>
        </message>
        <message>
            <source>%1 retired</source>
            <translation>%1 retired</translation>
        </message>
        <message>
            <source>%1 restored</source>
            <translation>%1 restored</translation>
        </message>
        <message>
            <source>order changed</source>
            <translation>order changed</translation>
        </message>
        <message>
            <source>text</source>
            <translation>text</translation>
        </message>
        <message>
            <source>phase</source>
            <translation>phase</translation>
        </message>
        <message>
            <source>due / trigger</source>
            <translation>due / trigger</translation>
        </message>
        <message>
            <source>required</source>
            <translation>required</translation>
        </message>
        <message>
            <source>owner</source>
            <translation>owner</translation>
        </message>
        <message>
            <source>client-visible</source>
            <translation>client-visible</translation>
        </message>
        <message>
            <source>value fields</source>
            <translation>value fields</translation>
        </message>
        <message>
            <source>ticked by the app</source>
            <translation>ticked by the app</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Added</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>Removed</translation>
        </message>
        <message>
            <source>Retired</source>
            <translation>Retired</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>Restored</translation>
        </message>
        <message>
            <source>Edited</source>
            <translation>Edited</translation>
        </message>
        <message>
            <source>Sessions planned with this version</source>
            <translation>Sessions planned with this version</translation>
        </message>
        <message>
            <source>None yet.</source>
            <translation>None yet.</translation>
        </message>
        <message>
            <source>Version history</source>
            <translation>Version history</translation>
        </message>
        <message>
            <source>Each save makes a new version. A session keeps the items of the version it was planned with; editing a template never changes earlier sessions.</source>
            <translation>Each save makes a new version. A session keeps the items of the version it was planned with; editing a template never changes earlier sessions.</translation>
        </message>
    </context>
</TS>
