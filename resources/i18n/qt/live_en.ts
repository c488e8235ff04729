<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>EventEditDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="105" />
        <source>Edit event</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="112" />
        <source>Internal (never in client exports)</source>
        <translation>Internal (never in client exports)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="115" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="116" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="123" />
        <source>Edits and deletions are kept in the audit trail.</source>
        <translation>Edits and deletions are kept in the audit trail.</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="69" />
        <source>internal</source>
        <translation>internal</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="209" />
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="210" />
        <source>Quick entry: g 福袋… / p 过款… / t 投流… / i 事故… / c 违规… / m 里程碑… / ! internal — Enter</source>
        <translation>Quick entry: g 福袋… / p 过款… / t 投流… / i 事故… / c 违规… / m 里程碑… / ! internal — Enter</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="212" />
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="217" />
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="213" />
        <source>Press a hotkey, then type a note here (Enter saves, Esc skips)</source>
        <translation>Press a hotkey, then type a note here (Enter saves, Esc skips)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="214" />
        <source>Filter text</source>
        <translation>Filter text</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="215" />
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="216" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="217" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="217" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="217" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="221" />
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="229" />
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="229" />
        <source>Client-visible</source>
        <translation>Client-visible</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="230" />
        <source>Internal only</source>
        <translation>Internal only</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="272" />
        <source>Note: press a hotkey first</source>
        <translation>Note: press a hotkey first</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="275" />
        <source>Note for %1 at %2 (saved already; the note is optional)</source>
        <translation>Note for %1 at %2 (saved already; the note is optional)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="325" />
        <source>Delete event</source>
        <translation>Delete event</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/events_panel.py" line="326" />
        <source>Delete this event? It stays in the audit trail.</source>
        <translation>Delete this event? It stays in the audit trail.</translation>
    </message>
</context>
<context>
    <name>HotkeyDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="141" />
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="152" />
        <source>System-wide hotkeys (also while another program has focus)</source>
        <translation>System-wide hotkeys (also while another program has focus)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="158" />
        <source>Uses pynput. On macOS the app needs the accessibility permission.</source>
        <translation>Uses pynput. On macOS the app needs the accessibility permission.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="162" />
        <source>System-wide hotkeys need the optional package pynput (pip install pynput). In-app hotkeys work without it.</source>
        <translation>System-wide hotkeys need the optional package pynput (pip install pynput). In-app hotkeys work without it.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="173" />
        <source>Event hotkeys</source>
        <translation>Event hotkeys</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="180" />
        <source>%1 is already used by %2; choose another key.</source>
        <translation>%1 is already used by %2; choose another key.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="191" />
        <source>Follow live</source>
        <translation>Follow live</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="191" />
        <source>Chart zoom</source>
        <translation>Chart zoom</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="191" />
        <source>Report now</source>
        <translation>Report now</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="192" />
        <source>Mini window</source>
        <translation>Mini window</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="192" />
        <source>Metric entry</source>
        <translation>Metric entry</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="193" />
        <source>Quick entry</source>
        <translation>Quick entry</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="193" />
        <source>Cancel note</source>
        <translation>Cancel note</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="193" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/hotkeys.py" line="194" />
        <source>Focus</source>
        <translation>Focus</translation>
    </message>
</context>
<context>
    <name>LiveCharts</name>
    <message>
        <location filename="../../../desktop_app/ui/live/charts.py" line="182" />
        <source>Online viewers</source>
        <translation>Online viewers</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/charts.py" line="182" />
        <source>Cumulative GMV (target, pace)</source>
        <translation>Cumulative GMV (target, pace)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/charts.py" line="183" />
        <source>Orders / min · conversion % (right)</source>
        <translation>Orders / min · conversion % (right)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/charts.py" line="183" />
        <source>Ad spend · overall ROI (right)</source>
        <translation>Ad spend · overall ROI (right)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/charts.py" line="187" />
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/charts.py" line="187" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/charts.py" line="188" />
        <source>Follow live (End)</source>
        <translation>Follow live (End)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/charts.py" line="189" />
        <source>Compare with:</source>
        <translation>Compare with:</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/charts.py" line="334" />
        <source>%1 · online %2 · GMV %3 · orders/min %4 · conversion %5 · spend %6 · ROI %7</source>
        <translation>%1 · online %2 · GMV %3 · orders/min %4 · conversion %5 · spend %6 · ROI %7</translation>
    </message>
</context>
<context>
    <name>LiveConsole</name>
    <message>
        <location filename="../../../desktop_app/ui/live/__init__.py" line="9" />
        <source>Live console</source>
        <translation>Live console</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="214" />
        <source>Hotkeys…</source>
        <translation>Hotkeys…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="215" />
        <source>Mini window (Ctrl+M)</source>
        <translation>Mini window (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="216" />
        <source>Group robots…</source>
        <translation>Group robots…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="217" />
        <source>Interval report</source>
        <translation>Interval report</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="219" />
        <source>every %1 min</source>
        <translation>every %1 min</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="220" />
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="221" />
        <source>Report now and copy (Ctrl+R)</source>
        <translation>Report now and copy (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="222" />
        <source>Demo feed</source>
        <translation>Demo feed</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="224" />
        <source>real time</source>
        <translation>real time</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="224" />
        <source>%1× faster</source>
        <translation>%1× faster</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="225" />
        <location filename="../../../desktop_app/ui/live/console.py" line="525" />
        <source>Stop demo</source>
        <translation>Stop demo</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="225" />
        <location filename="../../../desktop_app/ui/live/console.py" line="525" />
        <location filename="../../../desktop_app/ui/live/console.py" line="528" />
        <source>Start demo</source>
        <translation>Start demo</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="286" />
        <source>System-wide hotkeys could not start; in-app hotkeys still work.</source>
        <translation>System-wide hotkeys could not start; in-app hotkeys still work.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="293" />
        <location filename="../../../desktop_app/ui/live/console.py" line="425" />
        <source>No session selected.</source>
        <translation>No session selected.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="365" />
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="388" />
        <source>This session is not on air or has ended; it takes no new live entries.</source>
        <translation>This session is not on air or has ended; it takes no new live entries.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="436" />
        <source>GMV %1 · online %2 · orders %3 · conversion %4</source>
        <translation>GMV %1 · online %2 · orders %3 · conversion %4</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="443" />
        <source>Next check: none open</source>
        <translation>Next check: none open</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="447" />
        <source>Next check %1: %2</source>
        <translation>Next check %1: %2</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="494" />
        <source>Interval report stored and copied to the clipboard.</source>
        <translation>Interval report stored and copied to the clipboard.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/console.py" line="506" />
        <source>Group robots: %1 waiting, %2 failed</source>
        <translation>Group robots: %1 waiting, %2 failed</translation>
    </message>
</context>
<context>
    <name>MetricForm</name>
    <message>
        <location filename="../../../desktop_app/ui/live/metric_form.py" line="65" />
        <source>Metric snapshot (Enter saves; money in major units, 万/w ok)</source>
        <translation>Metric snapshot (Enter saves; money in major units, 万/w ok)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/metric_form.py" line="68" />
        <source>Time (empty = now)</source>
        <translation>Time (empty = now)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/metric_form.py" line="69" />
        <source>e.g. 20:35 or 2026-11-26 20:35:00</source>
        <translation>e.g. 20:35 or 2026-11-26 20:35:00</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/metric_form.py" line="70" />
        <source>Save snapshot</source>
        <translation>Save snapshot</translation>
    </message>
</context>
<context>
    <name>MiniWindow</name>
    <message>
        <location filename="../../../desktop_app/ui/live/mini.py" line="52" />
        <source>LiveOps mini</source>
        <translation>LiveOps mini</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/mini.py" line="53" />
        <source>hotkey, then note + Enter</source>
        <translation>hotkey, then note + Enter</translation>
    </message>
</context>
<context>
    <name>RobotDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="98" />
        <source>Group robots (WeCom / Feishu / DingTalk)</source>
        <translation>Group robots (WeCom / Feishu / DingTalk)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="111" />
        <source>Add robot</source>
        <translation>Add robot</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="114" />
        <source>Disable selected</source>
        <translation>Disable selected</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="118" />
        <source>Retry failed now</source>
        <translation>Retry failed now</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="122" />
        <location filename="../../../desktop_app/ui/live/robots.py" line="142" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="123" />
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="124" />
        <source>Signing secret (DingTalk/Feishu, optional)</source>
        <translation>Signing secret (DingTalk/Feishu, optional)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="133" />
        <source>Queue (newest first)</source>
        <translation>Queue (newest first)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="142" />
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="142" />
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="142" />
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="151" />
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="151" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="151" />
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="152" />
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="154" />
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="154" />
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/live/robots.py" line="154" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
</context>
</TS>