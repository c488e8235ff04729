"""Session lifecycle (DESIGN.md): planned → pre → live → post → closed, or cancelled."""

from __future__ import annotations

from desktop_app.domain.enums import SessionStatus as S
from desktop_app.domain.errors import TransitionRefused
from desktop_app.messages import label

ALLOWED: dict[S, frozenset[S]] = {
    S.PLANNED: frozenset({S.PRE, S.CANCELLED}),
    S.PRE: frozenset({S.LIVE, S.CANCELLED}),
    S.LIVE: frozenset({S.POST}),
    S.POST: frozenset({S.CLOSED}),
    S.CLOSED: frozenset({S.POST}),  # reopen, logged
    S.CANCELLED: frozenset(),
}


def check_transition(current: S, target: S) -> None:
    if target not in ALLOWED[current]:
        raise TransitionRefused(
            "error.lifecycle.transition", current=label("status", current), target=label("status", target)
        )


def accepts_events(status: S) -> bool:
    return status in (S.PLANNED, S.PRE, S.LIVE, S.POST)


def accepts_typed_samples(status: S) -> bool:
    return status in (S.LIVE, S.POST)


def accepts_settlement(status: S) -> bool:
    return status in (S.POST, S.CLOSED)
