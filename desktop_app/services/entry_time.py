"""When a live entry (an event or a metric reading) happened: one rule for the console, the CLI and scripts."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.models import Session

# A mistyped day ("23:50" typed at 00:10) must not land in the future and skew charts and reports;
# a device clock a little ahead of ours (a Stream Deck PC, a phone) is tolerated.
FUTURE_TOLERANCE = timedelta(minutes=2)


def entry_time(session: Session, ts: datetime | None, now: datetime, *, allow_future: bool = False) -> datetime:
    """``ts``, else now; after the broadcast an untimed entry belongs to its last moment (the end),
    not to "now" (the final snapshot, a note on the last minutes). A time more than
    FUTURE_TOLERANCE ahead of now is refused unless ``allow_future`` (an imported platform file)."""
    if ts is None:
        off_air = session.off_air_utc
        return off_air if session.status == SessionStatus.POST and off_air and now > off_air else now
    if ts > now + FUTURE_TOLERANCE and not allow_future:
        raise ValidationError("error.entry.in_future", field="ts")
    return ts
