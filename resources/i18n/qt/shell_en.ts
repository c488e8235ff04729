<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AnchorDialog</name>
        <message>
            <source>Anchor</source>
            <translation>Anchor</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>(choose)</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Platform</source>
            <translation>Platform</translation>
        </message>
        <message>
            <source>Platform account ID</source>
            <translation>Platform account ID</translation>
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
            <source>Time zone</source>
            <translation>Time zone</translation>
        </message>
    </context>
    <context>
        <name>AppController</name>
        <message>
            <source>Building demo workspace…</source>
            <translation>Building demo workspace…</translation>
        </message>
    </context>
    <context>
        <name>ClientDialog</name>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>LiveOps Desk</source>
            <translation>LiveOps Desk</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>All sessions</source>
            <translation>All sessions</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>Roster</source>
            <translation>Roster</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Session</source>
            <translation>&amp;Session</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>New workspace…</source>
            <translation>New workspace…</translation>
        </message>
        <message>
            <source>Open workspace…</source>
            <translation>Open workspace…</translation>
        </message>
        <message>
            <source>New demo workspace…</source>
            <translation>New demo workspace…</translation>
        </message>
        <message>
            <source>Switch person…</source>
            <translation>Switch person…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Plan a session…</source>
            <translation>Plan a session…</translation>
        </message>
        <message>
            <source>Start now…</source>
            <translation>Start now…</translation>
        </message>
        <message>
            <source>Check workspace integrity</source>
            <translation>Check workspace integrity</translation>
        </message>
        <message>
            <source>About LiveOps Desk</source>
            <translation>About LiveOps Desk</translation>
        </message>
        <message>
            <source>Working as: {name}</source>
            <translation>Working as: {name}</translation>
        </message>
        <message>
            <source>No person</source>
            <translation>No person</translation>
        </message>
        <message>
            <source>New workspace</source>
            <translation>New workspace</translation>
        </message>
        <message>
            <source>Workspaces (*.liveops)</source>
            <translation>Workspaces (*.liveops)</translation>
        </message>
        <message>
            <source>New demo workspace</source>
            <translation>New demo workspace</translation>
        </message>
        <message>
            <source>Open workspace</source>
            <translation>Open workspace</translation>
        </message>
        <message>
            <source>Workspaces (*.liveops);;All files (*)</source>
            <translation>Workspaces (*.liveops);;All files (*)</translation>
        </message>
        <message>
            <source>Checking workspace…</source>
            <translation>Checking workspace…</translation>
        </message>
        <message>
            <source>Integrity problems found</source>
            <translation>Integrity problems found</translation>
        </message>
        <message>
            <source>Workspace check</source>
            <translation>Workspace check</translation>
        </message>
        <message>
            <source>Workspace OK</source>
            <translation>Workspace OK</translation>
        </message>
        <message>
            <source>No problems found.</source>
            <translation>No problems found.</translation>
        </message>
        <message>
            <source>Resume live session?</source>
            <translation>Resume live session?</translation>
        </message>
        <message>
            <source>“{title}” was live when LiveOps Desk stopped. Every logged event is kept.
Resume it, or end it at the last logged time?</source>
            <translation>“{title}” was live when LiveOps Desk stopped. Every logged event is kept.
Resume it, or end it at the last logged time?</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>End at last logged time</source>
            <translation>End at last logged time</translation>
        </message>
        <message>
            <source>{name} {version}
Checklists, live session log, charts, reviews and Excel exports for livestream e-commerce operations.</source>
            <translation>{name} {version}
Checklists, live session log, charts, reviews and Excel exports for livestream e-commerce operations.</translation>
        </message>
        <message>
            <source>LiveOps Desk</source>
            <translation>LiveOps Desk</translation>
        </message>
    </context>
    <context>
        <name>OverviewArea</name>
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
            <source>Internal</source>
            <translation>Internal</translation>
        </message>
        <message>
            <source>internal</source>
            <translation>internal</translation>
        </message>
        <message>
            <source>No targets set.</source>
            <translation>No targets set.</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Goal</source>
            <translation>Goal</translation>
        </message>
        <message>
            <source>Actual</source>
            <translation>Actual</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <source>Person</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
    </context>
    <context>
        <name>PersonPicker</name>
        <message>
            <source>Who is working?</source>
            <translation>Who is working?</translation>
        </message>
        <message>
            <source>Choose yourself from the roster; your entries carry your name.</source>
            <translation>Choose yourself from the roster; your entries carry your name.</translation>
        </message>
    </context>
    <context>
        <name>PlanSessionDialog</name>
        <message>
            <source>Start a session now</source>
            <translation>Start a session now</translation>
        </message>
        <message>
            <source>Plan a session</source>
            <translation>Plan a session</translation>
        </message>
        <message>
            <source>(choose an anchor)</source>
            <translation>(choose an anchor)</translation>
        </message>
        <message>
            <source>Anchor</source>
            <translation>Anchor</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Planned start</source>
            <translation>Planned start</translation>
        </message>
        <message>
            <source>Planned end</source>
            <translation>Planned end</translation>
        </message>
        <message>
            <source>Checklist template</source>
            <translation>Checklist template</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Time zone</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>Currency</translation>
        </message>
        <message>
            <source>Target GMV (major units, at least)</source>
            <translation>Target GMV (major units, at least)</translation>
        </message>
        <message>
            <source>Target peak online (at least)</source>
            <translation>Target peak online (at least)</translation>
        </message>
        <message>
            <source>Target orders (at least)</source>
            <translation>Target orders (at least)</translation>
        </message>
        <message>
            <source>Refund rate (at most, 0 = none)</source>
            <translation>Refund rate (at most, 0 = none)</translation>
        </message>
        <message>
            <source>{date} {anchor} session</source>
            <translation>{date} {anchor} session</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Platform</source>
            <translation>Platform</translation>
        </message>
        <message>
            <source>Account ID</source>
            <translation>Account ID</translation>
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
            <source>Time zone</source>
            <translation>Time zone</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Anchors</source>
            <translation>Anchors</translation>
        </message>
        <message>
            <source>Clients</source>
            <translation>Clients</translation>
        </message>
        <message>
            <source>People</source>
            <translation>People</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>Archive</translation>
        </message>
    </context>
    <context>
        <name>SessionColumns</name>
        <message>
            <source>Start</source>
            <translation>Start</translation>
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
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>GMV</source>
            <translation>GMV</translation>
        </message>
        <message>
            <source>Peak online</source>
            <translation>Peak online</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Compliance</source>
            <translation>Compliance</translation>
        </message>
        <message>
            <source>Sign-off</source>
            <translation>Sign-off</translation>
        </message>
    </context>
    <context>
        <name>SessionPage</name>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Pre-broadcast</source>
            <translation>Pre-broadcast</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>Live</translation>
        </message>
        <message>
            <source>Post-broadcast</source>
            <translation>Post-broadcast</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Anchor / specialist</source>
            <translation>Anchor / specialist</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>On air</source>
            <translation>On air</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Time zone</translation>
        </message>
        <message>
            <source>Start preparing</source>
            <translation>Start preparing</translation>
        </message>
        <message>
            <source>Go live</source>
            <translation>Go live</translation>
        </message>
        <message>
            <source>End broadcast</source>
            <translation>End broadcast</translation>
        </message>
        <message>
            <source>Close session</source>
            <translation>Close session</translation>
        </message>
        <message>
            <source>Cancel session</source>
            <translation>Cancel session</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <source>Open a session by double-clicking it on the Today or All sessions page, or plan a new one with Session → Plan a session… (Ctrl+Shift+N).</source>
            <translation>Open a session by double-clicking it on the Today or All sessions page, or plan a new one with Session → Plan a session… (Ctrl+Shift+N).</translation>
        </message>
        <message>
            <source>No session open</source>
            <translation>No session open</translation>
        </message>
        <message>
            <source>End the broadcast now?</source>
            <translation>End the broadcast now?</translation>
        </message>
        <message>
            <source>Why is the session cancelled?</source>
            <translation>Why is the session cancelled?</translation>
        </message>
        <message>
            <source>Why reopen this closed session?</source>
            <translation>Why reopen this closed session?</translation>
        </message>
        <message>
            <source>Go live anyway?</source>
            <translation>Go live anyway?</translation>
        </message>
    </context>
    <context>
        <name>SessionsPage</name>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>All sessions</source>
            <translation>All sessions</translation>
        </message>
        <message>
            <source>Filter…</source>
            <translation>Filter…</translation>
        </message>
        <message>
            <source>Nothing overdue.</source>
            <translation>Nothing overdue.</translation>
        </message>
        <message>
            <source>… and {count} more</source>
            <translation>… and {count} more</translation>
        </message>
        <message>
            <source>Overdue ({count}):</source>
            <translation>Overdue ({count}):</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to LiveOps Desk</source>
            <translation>Welcome to LiveOps Desk</translation>
        </message>
        <message>
            <source>LiveOps Desk keeps each team's sessions in one workspace file.</source>
            <translation>LiveOps Desk keeps each team's sessions in one workspace file.</translation>
        </message>
        <message>
            <source>Open the demo workspace</source>
            <translation>Open the demo workspace</translation>
        </message>
        <message>
            <source>Create a new workspace…</source>
            <translation>Create a new workspace…</translation>
        </message>
        <message>
            <source>Open a workspace…</source>
            <translation>Open a workspace…</translation>
        </message>
        <message>
            <source>Building the demo workspace…</source>
            <translation>Building the demo workspace…</translation>
        </message>
        <message>
            <source>New workspace</source>
            <translation>New workspace</translation>
        </message>
        <message>
            <source>Workspaces (*.liveops)</source>
            <translation>Workspaces (*.liveops)</translation>
        </message>
        <message>
            <source>Open workspace</source>
            <translation>Open workspace</translation>
        </message>
    </context>
    <context>
        <name>crash</name>
        <message>
            <source>LiveOps Desk hit an unexpected error. Your saved data is safe.
Details were written to:
{path}</source>
            <translation>LiveOps Desk hit an unexpected error. Your saved data is safe.
Details were written to:
{path}</translation>
        </message>
    </context>
</TS>
