<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>BackupsDialog</name>
        <message>
            <source>Restore from backup</source>
            <translation>Restore from backup</translation>
        </message>
        <message>
            <source>Backups are taken when a session closes, once a day, and before imports, merges and upgrades. Restoring writes a NEW workspace file; the open workspace is never overwritten.</source>
            <translation>Backups are taken when a session closes, once a day, and before imports, merges and upgrades. Restoring writes a NEW workspace file; the open workspace is never overwritten.</translation>
        </message>
        <message>
            <source>Taken at</source>
            <translation>Taken at</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>&amp;Keep the newest</source>
            <translation>&amp;Keep the newest</translation>
        </message>
        <message>
            <source>backups</source>
            <translation>backups</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>&amp;Back up now</translation>
        </message>
        <message>
            <source>Open backup &amp;folder</source>
            <translation>Open backup &amp;folder</translation>
        </message>
        <message>
            <source>&amp;Restore to new file…</source>
            <translation>&amp;Restore to new file…</translation>
        </message>
        <message>
            <source>unreadable</source>
            <translation>unreadable</translation>
        </message>
        <message>
            <source>Restore into a new workspace file</source>
            <translation>Restore into a new workspace file</translation>
        </message>
        <message>
            <source>The backup was restored into {path}.</source>
            <translation>The backup was restored into {path}.</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>Restoring…</translation>
        </message>
    </context>
    <context>
        <name>DeliveryActions</name>
        <message>
            <source>Back up now</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <source>Restore from backup…</source>
            <translation>Restore from backup…</translation>
        </message>
        <message>
            <source>Salvage readable data…</source>
            <translation>Salvage readable data…</translation>
        </message>
        <message>
            <source>Backup saved: {path}</source>
            <translation>Backup saved: {path}</translation>
        </message>
        <message>
            <source>Daily backup saved: {path}</source>
            <translation>Daily backup saved: {path}</translation>
        </message>
        <message>
            <source>Daily backup failed: {error}</source>
            <translation>Daily backup failed: {error}</translation>
        </message>
        <message>
            <source>LiveOps Desk</source>
            <translation>LiveOps Desk</translation>
        </message>
    </context>
    <context>
        <name>DeliveryDialogs</name>
        <message>
            <source>Backing up the workspace…</source>
            <translation>Backing up the workspace…</translation>
        </message>
        <message>
            <source>LiveOps workspace (*{suffix})</source>
            <translation>LiveOps workspace (*{suffix})</translation>
        </message>
        <message>
            <source>LiveOps Desk</source>
            <translation>LiveOps Desk</translation>
        </message>
        <message>
            <source>Open it now?</source>
            <translation>Open it now?</translation>
        </message>
        <message>
            <source>Salvage into a new workspace file</source>
            <translation>Salvage into a new workspace file</translation>
        </message>
        <message>
            <source>{rows} rows were copied into {path}.</source>
            <translation>{rows} rows were copied into {path}.</translation>
        </message>
        <message>
            <source>Tables with unreadable parts (some rows lost): {tables}</source>
            <translation>Tables with unreadable parts (some rows lost): {tables}</translation>
        </message>
        <message>
            <source>Salvaging readable data…</source>
            <translation>Salvaging readable data…</translation>
        </message>
    </context>
    <context>
        <name>IntegrityDialog</name>
        <message>
            <source>Workspace problems found</source>
            <translation>Workspace problems found</translation>
        </message>
        <message>
            <source>The integrity check found damage in {path}. Keep working only with care: stop, then either restore a backup ({count} available) or copy every readable row into a new workspace. Both write a new file; this one is left as it is.</source>
            <translation>The integrity check found damage in {path}. Keep working only with care: stop, then either restore a backup ({count} available) or copy every readable row into a new workspace. Both write a new file; this one is left as it is.</translation>
        </message>
        <message>
            <source>&amp;Restore a backup…</source>
            <translation>&amp;Restore a backup…</translation>
        </message>
        <message>
            <source>&amp;Salvage readable data…</source>
            <translation>&amp;Salvage readable data…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
    </context>
</TS>
