"""What every service call needs: the open workspace, a clock, and who is acting."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop_app.domain.clock import Clock, SystemClock
from desktop_app.storage.workspace import Workspace


@dataclass
class Context:
    ws: Workspace
    clock: Clock = field(default_factory=SystemClock)
    actor_id: str | None = None

    def now(self) -> datetime:
        return self.clock.now()


@dataclass(frozen=True)
class Changes:
    """What a mutating call changed, so views refresh from it instead of polling."""

    sessions: frozenset[str] = frozenset()
    roster: bool = False
    events: frozenset[str] = frozenset()  # session ids whose events changed
    samples: frozenset[str] = frozenset()  # session ids whose samples changed
    checklists: frozenset[str] = frozenset()
    reviews: frozenset[str] = frozenset()
    templates: bool = False
    external: bool = False  # another connection wrote (CLI, watcher): refresh everything

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            sessions=self.sessions | other.sessions, roster=self.roster or other.roster,
            events=self.events | other.events, samples=self.samples | other.samples,
            checklists=self.checklists | other.checklists, reviews=self.reviews | other.reviews,
            templates=self.templates or other.templates, external=self.external or other.external,
        )

    @property
    def empty(self) -> bool:
        return self == Changes()
