"""Demo feed: the Foundation's simulator drives the console (real time or accelerated).

Each tick advances the simulated broadcast by ``speed`` seconds and commits one snapshot
(source ``demo``) stamped with the clock's time, plus the simulator's events in that span,
through the same services as typed entries. Accelerated mode compresses the broadcast's
shape into less wall time; timestamps stay honest.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.domain.enums import Source
from desktop_app.domain.errors import LiveOpsError
from desktop_app.services import event_log, metrics_entry
from desktop_app.services.context import Changes
from desktop_app.services.simulator import BroadcastSimulator

SPEEDS = (1, 10, 60)
TICK_MS = 1000


class DemoFeed(QObject):
    changed = Signal(object)  # Changes
    stopped = Signal(str)  # reason text ("" when stopped by the user)

    def __init__(self, ctx, parent: QObject | None = None, *, seed: int = 2026) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.seed = seed
        self.session_id: str | None = None
        self.sim: BroadcastSimulator | None = None
        self.speed = 1
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def start(self, session_id: str, speed: int = 1) -> None:
        if self.sim is None or session_id != self.session_id:
            self.sim = BroadcastSimulator(self.seed)
        self.session_id, self.speed = session_id, speed
        self.timer.start()

    def stop(self, reason: str = "") -> None:
        self.timer.stop()
        self.stopped.emit(reason)

    def tick(self) -> Changes:
        sim, sid = self.sim, self.session_id
        if sim is None or sid is None:
            return Changes()
        if sim.t >= sim.plan.duration_s:
            self.stop()
            return Changes()
        t0 = sim.t
        values = sim.step(float(self.speed))
        try:
            result = metrics_entry.record_snapshot(self.ctx, sid, values, source=Source.DEMO, minor_units=True)
            changes = result.changes
            for e in sim.events_between(t0, sim.t):
                _, c = event_log.log_event(self.ctx, sid, e.kind, e.text, source=Source.DEMO, subtype=e.subtype)
                changes = changes | c
        except LiveOpsError as exc:  # the session ended or closed meanwhile
            self.stop(exc.text())
            return Changes()
        self.changed.emit(changes)
        return changes
