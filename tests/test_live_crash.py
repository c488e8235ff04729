"""Crash safety: SIGKILL the writer mid-session; every acknowledged entry is on disk and the session resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from desktop_app.domain.enums import EventKind, SessionStatus, Source
from desktop_app.services import event_log, lifecycle
from desktop_app.services.workspace_service import open_workspace
from desktop_app.storage import events as event_repo
from desktop_app.storage import samples as sample_repo

# The app's writer path: the same services the console calls for a hotkey and a snapshot.
# It prints an id only after the service call returned (= committed), like the UI
# acknowledging a keystroke, and keeps going until killed.
WRITER = r"""
import sys, itertools
from desktop_app.services import event_log, metrics_entry
from desktop_app.services.workspace_service import open_workspace
ctx = open_workspace(sys.argv[1])
sid = sys.argv[2]
for i in itertools.count():
    e, _ = event_log.log_event(ctx, sid, "giveaway", f"福袋 #{i}", source="hotkey")
    r = metrics_entry.record_snapshot(ctx, sid, {"orders": i, "gmv": f"{i}.5"})
    print(e.id, r.samples[0].id, flush=True)
"""


@pytest.mark.slow
def test_sigkill_mid_session_loses_no_acknowledged_entry_and_resumes(ctx, tmp_path):
    session, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="被杀场")
    path = str(ctx.ws.path)
    ctx.ws.close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, path, session.id], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    acked = []
    try:
        while len(acked) < 40:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            acked.append(line.split())
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    reopened = open_workspace(path, clock=ctx.clock, actor=ctx.actor_id)
    try:
        events = {e.id for e in event_repo.list_events(reopened.ws, session.id)}
        samples = {s.id for s in sample_repo.list_samples(reopened.ws, session.id)}
        assert all(eid in events for eid, _ in acked)
        assert all(sid in samples for _, sid in acked)
        assert reopened.ws.quick_check() == []
        # Reopening finds the live session and offers it for resume ...
        assert [s.id for s in lifecycle.live_sessions_needing_resume(reopened)] == [session.id]
        # ... and resuming means logging simply continues in the same session.
        e, _ = event_log.log_event(reopened, session.id, EventKind.NOTE, "恢复后继续", source=Source.HOTKEY)
        assert e.session_id == session.id
        assert lifecycle.get(reopened, session.id).status == SessionStatus.LIVE
    finally:
        reopened.ws.close()


@pytest.mark.slow
def test_declining_resume_ends_at_the_last_logged_time(ctx, clock):
    session, _ = lifecycle.start_now(ctx, anchor_id=ctx.fixture["anchor"].id, title="不恢复")
    clock.advance(minutes=30)
    event_log.log_event(ctx, session.id, "giveaway", "最后一次")
    clock.advance(hours=2)  # the app was dead meanwhile
    lifecycle.decline_resume(ctx, session.id)
    s = lifecycle.get(ctx, session.id)
    assert s.status == SessionStatus.POST
    assert (s.off_air_utc - session.on_air_utc).total_seconds() == 30 * 60
