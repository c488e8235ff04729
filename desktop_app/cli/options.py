"""Argument helpers shared by the sub-commands."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import ValidationError
from desktop_app.services.context import Context
from desktop_app.services.workspace_service import open_workspace


def parse_date(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError("error.datetime.invalid", field=field, value=text) from None


def day_start(d: date, tz: str) -> datetime:
    return datetime.combine(d, time.min, tzinfo=ZoneInfo(tz))


# The services' clock for every command (None: the system clock); tests inject a FixedClock here.
clock: Clock | None = None


def open_ctx(args, *, read_only: bool = False) -> Context:
    return open_workspace(args.workspace, read_only=read_only, actor=getattr(args, "actor", None), clock=clock)
