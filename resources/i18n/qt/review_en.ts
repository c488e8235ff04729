<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Compare sessions</source>
            <translation>Compare sessions</translation>
        </message>
        <message>
            <source>Curve:</source>
            <translation>Curve:</translation>
        </message>
        <message>
            <source>x axis: minutes since the session went on air</source>
            <translation>x axis: minutes since the session went on air</translation>
        </message>
        <message>
            <source>Compliance</source>
            <translation>Compliance</translation>
        </message>
        <message>
            <source>Sign-off</source>
            <translation>Sign-off</translation>
        </message>
        <message>
            <source>* provisional (real-time) value, not yet settled</source>
            <translation>* provisional (real-time) value, not yet settled</translation>
        </message>
        <message>
            <source>minutes since start</source>
            <translation>minutes since start</translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
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
            <source>Platform</source>
            <translation>Platform</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Sign-off</source>
            <translation>Sign-off</translation>
        </message>
        <message>
            <source>GMV</source>
            <translation>GMV</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>UV</source>
            <translation>UV</translation>
        </message>
        <message>
            <source>Peak online</source>
            <translation>Peak online</translation>
        </message>
        <message>
            <source>UV value</source>
            <translation>UV value</translation>
        </message>
        <message>
            <source>Conversion</source>
            <translation>Conversion</translation>
        </message>
        <message>
            <source>Refund rate</source>
            <translation>Refund rate</translation>
        </message>
        <message>
            <source>Ad spend</source>
            <translation>Ad spend</translation>
        </message>
        <message>
            <source>ROI</source>
            <translation>ROI</translation>
        </message>
        <message>
            <source>Compliance</source>
            <translation>Compliance</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Duration</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Events</translation>
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
            <source>Title, anchor or client contains…</source>
            <translation>Title, anchor or client contains…</translation>
        </message>
        <message>
            <source>Save filter…</source>
            <translation>Save filter…</translation>
        </message>
        <message>
            <source>Delete filter</source>
            <translation>Delete filter</translation>
        </message>
        <message>
            <source>Compare selected</source>
            <translation>Compare selected</translation>
        </message>
        <message>
            <source>Trends…</source>
            <translation>Trends…</translation>
        </message>
        <message>
            <source>Search events, notes, reviews and checklists (e.g. 福袋, 超卖)</source>
            <translation>Search events, notes, reviews and checklists (e.g. 福袋, 超卖)</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Only in the sessions listed above</source>
            <translation>Only in the sessions listed above</translation>
        </message>
        <message>
            <source>All clients</source>
            <translation>All clients</translation>
        </message>
        <message>
            <source>All anchors</source>
            <translation>All anchors</translation>
        </message>
        <message>
            <source>All people</source>
            <translation>All people</translation>
        </message>
        <message>
            <source>All platforms</source>
            <translation>All platforms</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Any sign-off</source>
            <translation>Any sign-off</translation>
        </message>
        <message>
            <source>Saved filters</source>
            <translation>Saved filters</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation>
                <numerusform>%n session(s)</numerusform>
                <numerusform>%n session(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>Save filter</source>
            <translation>Save filter</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message numerus="yes">
            <source>%n hit(s)</source>
            <translation>
                <numerusform>%n hit(s)</numerusform>
                <numerusform>%n hit(s)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>Merge a workspace bundle</source>
            <translation>Merge a workspace bundle</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>Merge</translation>
        </message>
        <message>
            <source>For every conflict:</source>
            <translation>For every conflict:</translation>
        </message>
        <message>
            <source>Decide one by one</source>
            <translation>Decide one by one</translation>
        </message>
        <message>
            <source>Keep local</source>
            <translation>Keep local</translation>
        </message>
        <message>
            <source>Take the bundle's</source>
            <translation>Take the bundle's</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>Choose a bundle</source>
            <translation>Choose a bundle</translation>
        </message>
        <message>
            <source>LiveOps bundles (*.liveops-bundle *.zip);;All files (*)</source>
            <translation>LiveOps bundles (*.liveops-bundle *.zip);;All files (*)</translation>
        </message>
        <message>
            <source>Reading the bundle…</source>
            <translation>Reading the bundle…</translation>
        </message>
        <message>
            <source>Decide the rows below, then merge. Nothing has been written yet.</source>
            <translation>Decide the rows below, then merge. Nothing has been written yet.</translation>
        </message>
        <message>
            <source>Same name</source>
            <translation>Same name</translation>
        </message>
        <message>
            <source>Two specialists</source>
            <translation>Two specialists</translation>
        </message>
        <message>
            <source>Conflict</source>
            <translation>Conflict</translation>
        </message>
        <message>
            <source>Same (required: same platform account)</source>
            <translation>Same (required: same platform account)</translation>
        </message>
        <message>
            <source>Same: map onto the local one</source>
            <translation>Same: map onto the local one</translation>
        </message>
        <message>
            <source>Different: keep both</source>
            <translation>Different: keep both</translation>
        </message>
        <message>
            <source>Merging…</source>
            <translation>Merging…</translation>
        </message>
        <message>
            <source>Export workspace bundle</source>
            <translation>Export workspace bundle</translation>
        </message>
        <message>
            <source>Writing the bundle…</source>
            <translation>Writing the bundle…</translation>
        </message>
    </context>
    <context>
        <name>QCoreApplicationTr</name>
        <message>
            <source>Export workspace bundle</source>
            <translation>Export workspace bundle</translation>
        </message>
        <message>
            <source>Writing the bundle…</source>
            <translation>Writing the bundle…</translation>
        </message>
    </context>
    <context>
        <name>ReviewFeature</name>
        <message>
            <source>Review</source>
            <translation>Review</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Merge workspace bundle…</source>
            <translation>Merge workspace bundle…</translation>
        </message>
        <message>
            <source>Export workspace bundle…</source>
            <translation>Export workspace bundle…</translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>Submit for sign-off</source>
            <translation>Submit for sign-off</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Return…</source>
            <translation>Return…</translation>
        </message>
        <message>
            <source>Settlement (platform final numbers)</source>
            <translation>Settlement (platform final numbers)</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>Metric</translation>
        </message>
        <message>
            <source>Real-time (provisional)</source>
            <translation>Real-time (provisional)</translation>
        </message>
        <message>
            <source>Settled</source>
            <translation>Settled</translation>
        </message>
        <message>
            <source>Enter settled value</source>
            <translation>Enter settled value</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>As of</translation>
        </message>
        <message>
            <source>Record settlement</source>
            <translation>Record settlement</translation>
        </message>
        <message>
            <source>Client-facing</source>
            <translation>Client-facing</translation>
        </message>
        <message>
            <source>Internal only</source>
            <translation>Internal only</translation>
        </message>
        <message>
            <source>Action items (carried into the anchor's next session)</source>
            <translation>Action items (carried into the anchor's next session)</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>New action item</source>
            <translation>New action item</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>The review opens once the broadcast has ended.</source>
            <translation>The review opens once the broadcast has ended.</translation>
        </message>
        <message>
            <source>No session selected.</source>
            <translation>No session selected.</translation>
        </message>
        <message>
            <source>Sign-off: %1</source>
            <translation>Sign-off: %1</translation>
        </message>
        <message>
            <source>Returned by the lead: %1</source>
            <translation>Returned by the lead: %1</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>approved by %1 at %2</source>
            <translation>approved by %1 at %2</translation>
        </message>
        <message>
            <source>submitted by %1 at %2</source>
            <translation>submitted by %1 at %2</translation>
        </message>
        <message>
            <source>a lead must approve again</source>
            <translation>a lead must approve again</translation>
        </message>
        <message>
            <source>Only a person with the lead role approves or returns a review.</source>
            <translation>Only a person with the lead role approves or returns a review.</translation>
        </message>
        <message>
            <source>Editing…</source>
            <translation>Editing…</translation>
        </message>
        <message>
            <source>Draft saved %1</source>
            <translation>Draft saved %1</translation>
        </message>
        <message>
            <source>Return the review</source>
            <translation>Return the review</translation>
        </message>
        <message>
            <source>What should the specialist change?</source>
            <translation>What should the specialist change?</translation>
        </message>
    </context>
    <context>
        <name>TrendsDialog</name>
        <message>
            <source>Trends</source>
            <translation>Trends</translation>
        </message>
        <message>
            <source>Weekly trends</source>
            <translation>Weekly trends</translation>
        </message>
        <message>
            <source>Specialists: compliance and on-time</source>
            <translation>Specialists: compliance and on-time</translation>
        </message>
        <message>
            <source>By:</source>
            <translation>By:</translation>
        </message>
        <message>
            <source>Which:</source>
            <translation>Which:</translation>
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
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>Compliance</source>
            <translation>Compliance</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>On time</translation>
        </message>
        <message>
            <source>Checklist compliance</source>
            <translation>Checklist compliance</translation>
        </message>
        <message>
            <source>major units</source>
            <translation>major units</translation>
        </message>
        <message>
            <source>week starting</source>
            <translation>week starting</translation>
        </message>
    </context>
</TS>
