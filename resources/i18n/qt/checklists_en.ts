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
            <source>(no pre items: started now or imported)</source>
            <translation>(no pre items: started now or imported)</translation>
        </message>
        <message>
            <source>%1 overdue</source>
            <translation>%1 overdue</translation>
        </message>
        <message>
            <source>in %1</source>
            <translation>in %1</translation>
        </message>
        <message>
            <source>[ad hoc] </source>
            <translation>[ad hoc] </translation>
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
            <source>now, %1 left</source>
            <translation>now, %1 left</translation>
        </message>
        <message>
            <source>%1 overdue</source>
            <translation>%1 overdue</translation>
        </message>
        <message>
            <source>in %1</source>
            <translation>in %1</translation>
        </message>
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
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
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
    </context>
    <context>
        <name>TickDialog</name>
        <message>
            <source>Tick checklist item</source>
            <translation>Tick checklist item</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>area</name>
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
    </context>
</TS>
