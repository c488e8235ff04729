<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AnchorDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="131" />
        <source>Anchor</source>
        <translation>Anchor</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="136" />
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="140" />
        <source>(choose)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="150" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="151" />
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="152" />
        <source>Platform account ID</source>
        <translation>Platform account ID</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="153" />
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="154" />
        <source>Specialist</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="155" />
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../../desktop_app/app.py" line="76" />
        <source>Building demo workspace…</source>
        <translation>Building demo workspace…</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="116" />
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="118" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../../desktop_app/ui/errors.py" line="18" />
        <source>LiveOps Desk</source>
        <translation>LiveOps Desk</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="57" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="58" />
        <source>All sessions</source>
        <translation>All sessions</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="59" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="60" />
        <source>Roster</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="136" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="136" />
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="136" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="137" />
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="137" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="140" />
        <source>New workspace…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="140" />
        <source>Open workspace…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="141" />
        <source>New demo workspace…</source>
        <translation>New demo workspace…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="141" />
        <source>Switch person…</source>
        <translation>Switch person…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="142" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="142" />
        <source>Plan a session…</source>
        <translation>Plan a session…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="142" />
        <source>Start now…</source>
        <translation>Start now…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="143" />
        <source>Check workspace integrity</source>
        <translation>Check workspace integrity</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="144" />
        <location filename="../../../desktop_app/ui/main_window.py" line="260" />
        <source>About LiveOps Desk</source>
        <translation>About LiveOps Desk</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="159" />
        <source>Working as: {name}</source>
        <translation>Working as: {name}</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="159" />
        <source>No person</source>
        <translation>No person</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="186" />
        <source>New workspace</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="186" />
        <location filename="../../../desktop_app/ui/main_window.py" line="192" />
        <source>Workspaces (*.liveops)</source>
        <translation>Workspaces (*.liveops)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="191" />
        <source>New demo workspace</source>
        <translation>New demo workspace</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="197" />
        <source>Open workspace</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="198" />
        <source>Workspaces (*.liveops);;All files (*)</source>
        <translation>Workspaces (*.liveops);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="212" />
        <location filename="../../../desktop_app/ui/main_window.py" line="237" />
        <source>Checking workspace…</source>
        <translation>Checking workspace…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="223" />
        <location filename="../../../desktop_app/ui/main_window.py" line="233" />
        <source>Integrity problems found</source>
        <translation>Integrity problems found</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="224" />
        <location filename="../../../desktop_app/ui/main_window.py" line="230" />
        <source>Workspace check</source>
        <translation>Workspace check</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="225" />
        <source>The workspace file has problems:
{details}

Restore a backup or salvage the readable data.</source>
        <translation>The workspace file has problems:
{details}

Restore a backup or salvage the readable data.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="228" />
        <source>Workspace OK</source>
        <translation>Workspace OK</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="230" />
        <source>No problems found.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="243" />
        <source>Resume live session?</source>
        <translation>Resume live session?</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="244" />
        <source>“{title}” was live when LiveOps Desk stopped. Every logged event is kept.
Resume it, or end it at the last logged time?</source>
        <translation>“{title}” was live when LiveOps Desk stopped. Every logged event is kept.
Resume it, or end it at the last logged time?</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="247" />
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="248" />
        <source>End at last logged time</source>
        <translation>End at last logged time</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/main_window.py" line="261" />
        <source>{name} {version}
Checklists, live session log, charts, reviews and Excel exports for livestream e-commerce operations.</source>
        <translation>{name} {version}
Checklists, live session log, charts, reviews and Excel exports for livestream e-commerce operations.</translation>
    </message>
</context>
<context>
    <name>OverviewArea</name>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="51" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="52" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="53" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="54" />
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="54" />
        <source>internal</source>
        <translation>internal</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="93" />
        <source>No targets set.</source>
        <translation>No targets set.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="95" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="102" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="103" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="300" />
        <source>Who is working?</source>
        <translation>Who is working?</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="309" />
        <source>Choose yourself from the roster; your entries carry your name.</source>
        <translation>Choose yourself from the roster; your entries carry your name.</translation>
    </message>
</context>
<context>
    <name>PlanSessionDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="191" />
        <source>Start a session now</source>
        <translation>Start a session now</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="191" />
        <source>Plan a session</source>
        <translation>Plan a session</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="194" />
        <source>(choose an anchor)</source>
        <translation>(choose an anchor)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="232" />
        <source>Anchor</source>
        <translation>Anchor</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="233" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="235" />
        <source>Planned start</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="236" />
        <source>Planned end</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="237" />
        <source>Checklist template</source>
        <translation>Checklist template</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="238" />
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="239" />
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="240" />
        <source>Target GMV (major units, at least)</source>
        <translation>Target GMV (major units, at least)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="241" />
        <source>Target peak online (at least)</source>
        <translation>Target peak online (at least)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="242" />
        <source>Target orders (at least)</source>
        <translation>Target orders (at least)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="243" />
        <source>Refund rate (at most, 0 = none)</source>
        <translation>Refund rate (at most, 0 = none)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="254" />
        <source>{date} {anchor} session</source>
        <translation>{date} {anchor} session</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/dialogs.py" line="327" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="190" />
        <location filename="../../../desktop_app/ui/pages.py" line="197" />
        <location filename="../../../desktop_app/ui/pages.py" line="199" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="191" />
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="192" />
        <source>Account ID</source>
        <translation>Account ID</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="193" />
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="194" />
        <source>Specialist</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="195" />
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="200" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="229" />
        <source>Anchors</source>
        <translation>Anchors</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="229" />
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="229" />
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="231" />
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="232" />
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="233" />
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
</context>
<context>
    <name>SessionColumns</name>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="43" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="45" />
        <source>Anchor</source>
        <translation>Anchor</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="46" />
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="47" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="48" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="49" />
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="51" />
        <source>Peak online</source>
        <translation>Peak online</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="52" />
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="53" />
        <source>Compliance</source>
        <translation>Compliance</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="55" />
        <source>Sign-off</source>
        <translation>Sign-off</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="149" />
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="153" />
        <location filename="../../../desktop_app/ui/session_page.py" line="210" />
        <source>Pre-broadcast</source>
        <translation>Pre-broadcast</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="153" />
        <location filename="../../../desktop_app/ui/session_page.py" line="210" />
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="154" />
        <location filename="../../../desktop_app/ui/session_page.py" line="211" />
        <source>Post-broadcast</source>
        <translation>Post-broadcast</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="178" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="178" />
        <source>Anchor / specialist</source>
        <translation>Anchor / specialist</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="179" />
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="179" />
        <source>On air</source>
        <translation>On air</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="179" />
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="182" />
        <source>Start preparing</source>
        <translation>Start preparing</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="182" />
        <source>Go live</source>
        <translation>Go live</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="183" />
        <location filename="../../../desktop_app/ui/session_page.py" line="256" />
        <source>End broadcast</source>
        <translation>End broadcast</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="183" />
        <source>Close session</source>
        <translation>Close session</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="184" />
        <location filename="../../../desktop_app/ui/session_page.py" line="263" />
        <source>Cancel session</source>
        <translation>Cancel session</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="184" />
        <location filename="../../../desktop_app/ui/session_page.py" line="267" />
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="220" />
        <source>No session selected</source>
        <translation>No session selected</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="257" />
        <source>End the broadcast now?</source>
        <translation>End the broadcast now?</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="263" />
        <source>Why is the session cancelled?</source>
        <translation>Why is the session cancelled?</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="267" />
        <source>Why reopen this closed session?</source>
        <translation>Why reopen this closed session?</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/session_page.py" line="281" />
        <source>Go live anyway?</source>
        <translation>Go live anyway?</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="132" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="132" />
        <source>All sessions</source>
        <translation>All sessions</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="133" />
        <source>Filter…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="167" />
        <source>Nothing overdue.</source>
        <translation>Nothing overdue.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="172" />
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/pages.py" line="173" />
        <source>Overdue ({count}):</source>
        <translation>Overdue ({count}):</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../../desktop_app/ui/tasks.py" line="70" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="16" />
        <source>Welcome to LiveOps Desk</source>
        <translation>Welcome to LiveOps Desk</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="18" />
        <source>LiveOps Desk keeps each team's sessions in one workspace file.</source>
        <translation>LiveOps Desk keeps each team's sessions in one workspace file.</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="19" />
        <source>Open the demo workspace</source>
        <translation>Open the demo workspace</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="20" />
        <source>Create a new workspace…</source>
        <translation>Create a new workspace…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="21" />
        <source>Open a workspace…</source>
        <translation>Open a workspace…</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="42" />
        <source>New workspace</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="42" />
        <location filename="../../../desktop_app/ui/welcome.py" line="47" />
        <source>Workspaces (*.liveops)</source>
        <translation>Workspaces (*.liveops)</translation>
    </message>
    <message>
        <location filename="../../../desktop_app/ui/welcome.py" line="47" />
        <source>Open workspace</source>
        <translation>Open workspace</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../../desktop_app/app.py" line="141" />
        <source>LiveOps Desk hit an unexpected error. Your saved data is safe.
Details were written to:
{path}</source>
        <translation>LiveOps Desk hit an unexpected error. Your saved data is safe.
Details were written to:
{path}</translation>
    </message>
</context>
</TS>