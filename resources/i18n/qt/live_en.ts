<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>EventEditDialog</name>
        <message>
            <source>Edit event</source>
            <translation>Edit event</translation>
        </message>
        <message>
            <source>Internal (never in client exports)</source>
            <translation>Internal (never in client exports)</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Edits and deletions are kept in the audit trail.</source>
            <translation>Edits and deletions are kept in the audit trail.</translation>
        </message>
    </context>
    <context>
        <name>EventHistoryDialog</name>
        <message>
            <source>Edit history</source>
            <translation>Edit history</translation>
        </message>
    </context>
    <context>
        <name>EventsPanel</name>
        <message>
            <source>Int.</source>
            <translation>Int.</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Events</translation>
        </message>
        <message>
            <source>Quick entry: g 福袋… / p 过款… / t 投流… / i 事故… / c 违规… / m 里程碑… / ! internal — Enter</source>
            <translation>Quick entry: g 福袋… / p 过款… / t 投流… / i 事故… / c 违规… / m 里程碑… / ! internal — Enter</translation>
        </message>
        <message>
            <source>Internal</source>
            <translation>Internal</translation>
        </message>
        <message>
            <source>Press a hotkey, then type a note here (Enter saves, Esc skips)</source>
            <translation>Press a hotkey, then type a note here (Enter saves, Esc skips)</translation>
        </message>
        <message>
            <source>Filter text</source>
            <translation>Filter text</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Edit history…</source>
            <translation>Edit history…</translation>
        </message>
        <message>
            <source>✎ (edited)</source>
            <translation>✎ (edited)</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Client-visible</source>
            <translation>Client-visible</translation>
        </message>
        <message>
            <source>Internal only</source>
            <translation>Internal only</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <source>Note: press a hotkey first</source>
            <translation>Note: press a hotkey first</translation>
        </message>
        <message>
            <source>Note for %1 at %2 (saved already; the note is optional)</source>
            <translation>Note for %1 at %2 (saved already; the note is optional)</translation>
        </message>
        <message>
            <source>Delete event</source>
            <translation>Delete event</translation>
        </message>
        <message>
            <source>Delete this event? It stays in the audit trail.</source>
            <translation>Delete this event? It stays in the audit trail.</translation>
        </message>
    </context>
    <context>
        <name>HotkeyDialog</name>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>System-wide hotkeys (also while another program has focus)</source>
            <translation>System-wide hotkeys (also while another program has focus)</translation>
        </message>
        <message>
            <source>Uses pynput. On macOS the app needs the accessibility permission.</source>
            <translation>Uses pynput. On macOS the app needs the accessibility permission.</translation>
        </message>
        <message>
            <source>System-wide hotkeys need the optional package pynput (pip install pynput). In-app hotkeys work without it.</source>
            <translation>System-wide hotkeys need the optional package pynput (pip install pynput). In-app hotkeys work without it.</translation>
        </message>
        <message>
            <source>Event hotkeys</source>
            <translation>Event hotkeys</translation>
        </message>
        <message>
            <source>%1 is already used by %2; choose another key.</source>
            <translation>%1 is already used by %2; choose another key.</translation>
        </message>
        <message>
            <source>another command of the window</source>
            <translation>another command of the window</translation>
        </message>
        <message>
            <source>Follow live</source>
            <translation>Follow live</translation>
        </message>
        <message>
            <source>Chart zoom</source>
            <translation>Chart zoom</translation>
        </message>
        <message>
            <source>Report now</source>
            <translation>Report now</translation>
        </message>
        <message>
            <source>Mini window</source>
            <translation>Mini window</translation>
        </message>
        <message>
            <source>Metric entry</source>
            <translation>Metric entry</translation>
        </message>
        <message>
            <source>Quick entry</source>
            <translation>Quick entry</translation>
        </message>
        <message>
            <source>Cancel note</source>
            <translation>Cancel note</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Focus</source>
            <translation>Focus</translation>
        </message>
    </context>
    <context>
        <name>LiveCharts</name>
        <message>
            <source>Keep the newest minutes in view as readings arrive (End)</source>
            <translation>Keep the newest minutes in view as readings arrive (End)</translation>
        </message>
        <message>
            <source>Only a session on air can be followed live; this one is not on air.</source>
            <translation>Only a session on air can be followed live; this one is not on air.</translation>
        </message>
        <message>
            <source>Online viewers</source>
            <translation>Online viewers</translation>
        </message>
        <message>
            <source>Cumulative GMV (target, pace)</source>
            <translation>Cumulative GMV (target, pace)</translation>
        </message>
        <message>
            <source>Orders / min · conversion % (right)</source>
            <translation>Orders / min · conversion % (right)</translation>
        </message>
        <message>
            <source>Ad spend · overall ROI (right)</source>
            <translation>Ad spend · overall ROI (right)</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>Follow live (End)</source>
            <translation>Follow live (End)</translation>
        </message>
        <message>
            <source>Compare with:</source>
            <translation>Compare with:</translation>
        </message>
        <message>
            <source>%1 · online %2 · GMV %3 · orders/min %4 · conversion %5 · spend %6 · ROI %7</source>
            <translation>%1 · online %2 · GMV %3 · orders/min %4 · conversion %5 · spend %6 · ROI %7</translation>
        </message>
    </context>
    <context>
        <name>LiveConsole</name>
        <message>
            <source>Live console</source>
            <translation>Live console</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Events</translation>
        </message>
        <message>
            <source>Metrics · report</source>
            <translation>Metrics · report</translation>
        </message>
        <message>
            <source>Hotkeys…</source>
            <translation>Hotkeys…</translation>
        </message>
        <message>
            <source>Mini window (Ctrl+M)</source>
            <translation>Mini window (Ctrl+M)</translation>
        </message>
        <message>
            <source>Group robots…</source>
            <translation>Group robots…</translation>
        </message>
        <message>
            <source>Interval report</source>
            <translation>Interval report</translation>
        </message>
        <message>
            <source>every %1 min</source>
            <translation>every %1 min</translation>
        </message>
        <message>
            <source>automatic</source>
            <translation>automatic</translation>
        </message>
        <message>
            <source>Language of the report for the chat group and the robots</source>
            <translation>Language of the report for the chat group and the robots</translation>
        </message>
        <message>
            <source>Report now and copy (Ctrl+R)</source>
            <translation>Report now and copy (Ctrl+R)</translation>
        </message>
        <message>
            <source>Demo feed</source>
            <translation>Demo feed</translation>
        </message>
        <message>
            <source>real time</source>
            <translation>real time</translation>
        </message>
        <message>
            <source>%1× faster</source>
            <translation>%1× faster</translation>
        </message>
        <message>
            <source>Stop demo</source>
            <translation>Stop demo</translation>
        </message>
        <message>
            <source>Start demo</source>
            <translation>Start demo</translation>
        </message>
        <message>
            <source>System-wide hotkeys need the optional package pynput (pip install pynput); in-app hotkeys still work.</source>
            <translation>System-wide hotkeys need the optional package pynput (pip install pynput); in-app hotkeys still work.</translation>
        </message>
        <message>
            <source>System-wide hotkeys could not start (%1); in-app hotkeys still work.</source>
            <translation>System-wide hotkeys could not start (%1); in-app hotkeys still work.</translation>
        </message>
        <message>
            <source>No session selected.</source>
            <translation>No session selected.</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>This session is not on air or has ended; it takes no new live entries.</source>
            <translation>This session is not on air or has ended; it takes no new live entries.</translation>
        </message>
        <message>
            <source>GMV %1 · online %2 · orders %3 · conversion %4</source>
            <translation>GMV %1 · online %2 · orders %3 · conversion %4</translation>
        </message>
        <message>
            <source>Next check: none open</source>
            <translation>Next check: none open</translation>
        </message>
        <message>
            <source>Next check %1: %2</source>
            <translation>Next check %1: %2</translation>
        </message>
        <message>
            <source>Interval report stored and copied to the clipboard.</source>
            <translation>Interval report stored and copied to the clipboard.</translation>
        </message>
        <message>
            <source>Group robots: %1 waiting, %2 failed</source>
            <translation>Group robots: %1 waiting, %2 failed</translation>
        </message>
    </context>
    <context>
        <name>MetricForm</name>
        <message>
            <source>Metric snapshot (Enter saves; money in major units, 万/w ok)</source>
            <translation>Metric snapshot (Enter saves; money in major units, 万/w ok)</translation>
        </message>
        <message>
            <source>Time (empty = end of broadcast)</source>
            <translation>Time (empty = end of broadcast)</translation>
        </message>
        <message>
            <source>Time (empty = now)</source>
            <translation>Time (empty = now)</translation>
        </message>
        <message>
            <source>e.g. 20:35</source>
            <translation>e.g. 20:35</translation>
        </message>
        <message>
            <source>e.g. 20:35 or 2026-11-26 20:35:00</source>
            <translation>e.g. 20:35 or 2026-11-26 20:35:00</translation>
        </message>
        <message>
            <source>Save snapshot</source>
            <translation>Save snapshot</translation>
        </message>
    </context>
    <context>
        <name>MiniWindow</name>
        <message>
            <source>LiveOps mini</source>
            <translation>LiveOps mini</translation>
        </message>
        <message>
            <source>hotkey, then note + Enter</source>
            <translation>hotkey, then note + Enter</translation>
        </message>
    </context>
    <context>
        <name>RobotDialog</name>
        <message>
            <source>Group robots (WeCom / Feishu / DingTalk)</source>
            <translation>Group robots (WeCom / Feishu / DingTalk)</translation>
        </message>
        <message>
            <source>Add robot</source>
            <translation>Add robot</translation>
        </message>
        <message>
            <source>Disable selected</source>
            <translation>Disable selected</translation>
        </message>
        <message>
            <source>Retry failed now</source>
            <translation>Retry failed now</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Webhook URL</source>
            <translation>Webhook URL</translation>
        </message>
        <message>
            <source>Signing secret (DingTalk/Feishu, optional)</source>
            <translation>Signing secret (DingTalk/Feishu, optional)</translation>
        </message>
        <message>
            <source>Queue (newest first)</source>
            <translation>Queue (newest first)</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signed</translation>
        </message>
        <message>
            <source>On</source>
            <translation>On</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>Queued</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <source>Robot</source>
            <translation>Robot</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>Last error</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>pending</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>sent</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>failed</translation>
        </message>
    </context>
</TS>
